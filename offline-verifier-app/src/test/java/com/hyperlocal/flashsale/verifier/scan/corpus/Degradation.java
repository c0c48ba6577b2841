package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.util.Random;

/**
 * The ways a counter spoils a voucher's QR code. Every class starts from the same ordinary frame
 * (the code ~350 px wide, ~3.8 px per module, a little turned, mild defocus and noise, stored as JPEG quality 75) and ramps its own
 * defect from mild (severity 0) to beyond what a decoder can be expected to read (severity 1),
 * so a class's decode rate says how far along that ramp a decoder gets.
 */
enum Degradation {
    /** The ordinary frame, no extra defect: the control class. */
    BASELINE("baseline") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b;
        }
    },
    /** The phone held at an angle: 10° to 60° of tilt, turned up to 40° in plane. */
    PERSPECTIVE("perspective") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            double tilt = sign(r) * (10 + 50 * s);
            double other = sign(r) * r.nextDouble() * 10;
            boolean aroundX = r.nextBoolean();
            return b.pitch(aroundX ? tilt : other).yaw(aroundX ? other : tilt).roll(sign(r) * r.nextDouble() * 40);
        }
    },
    /** Out of focus (a phone held too close): Gaussian sigma 0.8 to 2.8 px at ~4 px per module. */
    BLUR("blur") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.blur(0.8 + 2.0 * s);
        }
    },
    /** Sensor noise, sigma 6 to 36 grey levels. */
    NOISE("noise") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.noise(6 + 30 * s);
        }
    },
    /** A dim shop and a dimmed screen: white falls from ~230 to ~28 while sensor noise stays. */
    LOW_LIGHT("low-light") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            double white = 230 * (1 - 0.88 * s);
            return b.white(white).black(white * 0.13).noise(3 + 3 * s);
        }
    },
    /** A lamp reflected in the screen: a highlight of 40 to 240 grey levels over part of the code. */
    GLARE("glare") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.glare(40 + 200 * s, 0.15 + 0.25 * s, 0.2 + 0.6 * r.nextDouble(), 0.2 + 0.6 * r.nextDouble());
        }
    },
    /** Heavy JPEG compression (a forwarded photo, a cheap MJPEG webcam): quality 45 down to 5. */
    JPEG("jpeg") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.width(240 + 60 * r.nextDouble()).jpeg((int) Math.round(45 - 40 * s));
        }
    },
    /** The code small in a 640×480 webcam frame: 300 px down to 120 px wide (3.2 to 1.3 px per module). */
    WEBCAM_SMALL("webcam-small") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            double width = 300 - 180 * s;
            return b.width(width)
                    .center(width / 2 + r.nextDouble() * (640 - width), width / 2 + r.nextDouble() * (480 - width))
                    .jpeg(80);
        }
    },
    /** A thumb over the code, hiding 2% to 20% of it (quiet zone included) from a random side. */
    OCCLUDED("occluded") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.cover(0.02 + 0.18 * s, r.nextDouble() * 360);
        }
    },
    /** A dark-mode wallet (light modules on black), with defocus and noise rising. */
    INVERTED("inverted") {
        @Override
        Builder apply(Builder b, double s, Random r) {
            return b.inverted()
                    .blur(0.6 + 1.2 * s)
                    .noise(3 + 10 * s)
                    .pitch(sign(r) * (5 + 20 * s) * r.nextDouble())
                    .yaw(sign(r) * (5 + 20 * s) * r.nextDouble());
        }
    };

    private final String slug;

    Degradation(String slug) {
        this.slug = slug;
    }

    String slug() {
        return slug;
    }

    abstract Builder apply(Builder b, double severity, Random random);

    Shot shot(double severity, Random random) {
        return apply(Builder.ordinary(random), severity, random).build();
    }

    private static double sign(Random r) {
        return r.nextBoolean() ? 1 : -1;
    }

    /** A mutable {@link Shot} under construction. */
    static final class Builder {
        private double width;
        private double cx;
        private double cy;
        private double roll;
        private double pitch;
        private double yaw;
        private double white;
        private double black;
        private boolean inverted;
        private double glare;
        private double glareRadius;
        private double glareX;
        private double glareY;
        private double cover;
        private double coverAngle;
        private double blur;
        private double noise;
        private int jpeg = 75;

        static Builder ordinary(Random r) {
            Builder b = new Builder();
            b.width = 330 + 50 * r.nextDouble();
            b.cx = 320 + (r.nextDouble() - 0.5) * 80;
            b.cy = 240 + (r.nextDouble() - 0.5) * 30;
            b.roll = (r.nextDouble() - 0.5) * 20;
            b.pitch = (r.nextDouble() - 0.5) * 16;
            b.yaw = (r.nextDouble() - 0.5) * 16;
            b.white = 215 + 20 * r.nextDouble();
            b.black = 25 + 15 * r.nextDouble();
            b.blur = 0.4 + 0.3 * r.nextDouble();
            b.noise = 2 + r.nextDouble();
            return b;
        }

        Builder width(double v) {
            width = v;
            return this;
        }

        Builder center(double x, double y) {
            cx = x;
            cy = y;
            return this;
        }

        Builder roll(double v) {
            roll = v;
            return this;
        }

        Builder pitch(double v) {
            pitch = v;
            return this;
        }

        Builder yaw(double v) {
            yaw = v;
            return this;
        }

        Builder white(double v) {
            white = v;
            return this;
        }

        Builder black(double v) {
            black = v;
            return this;
        }

        Builder inverted() {
            inverted = true;
            return this;
        }

        Builder blur(double v) {
            blur = v;
            return this;
        }

        Builder noise(double v) {
            noise = v;
            return this;
        }

        Builder jpeg(int v) {
            jpeg = v;
            return this;
        }

        Builder glare(double peak, double radius, double x, double y) {
            glare = peak;
            glareRadius = radius;
            glareX = x;
            glareY = y;
            return this;
        }

        Builder cover(double fraction, double angle) {
            cover = fraction;
            coverAngle = angle;
            return this;
        }

        Shot build() {
            return new Shot(
                    width,
                    cx,
                    cy,
                    roll,
                    pitch,
                    yaw,
                    white,
                    black,
                    inverted,
                    glare,
                    glareRadius,
                    glareX,
                    glareY,
                    cover,
                    coverAngle,
                    blur,
                    noise,
                    jpeg);
        }
    }
}
