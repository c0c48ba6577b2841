package com.hyperlocal.flashsale.verifier.scan.corpus;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Renders a 640×480 grey webcam frame of a phone showing a QR code: a pinhole camera looks at a
 * flat phone (bezel, lit screen, the code with its quiet zone) in front of a cluttered counter,
 * then the optics and sensor spoil it (defocus, highlight, noise). Each frame pixel averages 3×3
 * sub-pixel rays, so module edges are anti-aliased as on a real sensor.
 */
final class CameraSimulator {

    private static final double FOCAL_PX = 560; // a typical 60° webcam at 640 px
    private static final double PHONE_W = 1.0;
    private static final double PHONE_H = 1.9;
    private static final double CODE_SIZE = 0.84; // code width on the phone, in phone widths
    private static final double CODE_X = (PHONE_W - CODE_SIZE) / 2;
    private static final double CODE_Y = 0.85 - CODE_SIZE / 2;
    private static final int SUB = 3;

    private CameraSimulator() {}

    /** @param modules the code at one pixel per module, quiet zone included (black = dark module) */
    static BufferedImage render(BufferedImage modules, Shot shot, Random random) {
        int w = Shot.FRAME_WIDTH;
        int h = Shot.FRAME_HEIGHT;
        int n = modules.getWidth();
        boolean[] dark = new boolean[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                dark[y * n + x] = (modules.getRGB(x, y) & 0xFF) < 128;
            }
        }
        shot = fitInFrame(shot);
        Thumb thumb = shot.cover() > 0 ? Thumb.covering(shot.cover(), shot.coverAngle()) : null;
        double[] background = background(w, h, shot.white() / 235.0, random);
        Homography toPhone = phoneQuad(shot).inverse();
        double[] frame = new double[w * h];
        double[] p = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int sy = 0; sy < SUB; sy++) {
                    for (int sx = 0; sx < SUB; sx++) {
                        toPhone.apply(x + (sx + 0.5) / SUB, y + (sy + 0.5) / SUB, p);
                        sum += phone(p[0] * PHONE_W, p[1] * PHONE_H, dark, n, shot, thumb, background[y * w + x]);
                    }
                }
                frame[y * w + x] = sum / (SUB * SUB);
            }
        }
        addGlare(frame, w, h, shot);
        frame = Filters.gaussianBlur(frame, w, h, shot.blurSigma());
        return Filters.toGrey(frame, w, h, shot.noiseSigma(), random);
    }

    /** What a ray hitting the phone plane at (px, py), in phone widths, sees. */
    private static double phone(double px, double py, boolean[] dark, int n, Shot shot, Thumb thumb, double bg) {
        if (px < 0 || py < 0 || px >= PHONE_W || py >= PHONE_H) {
            return bg;
        }
        double s = (px - CODE_X) / CODE_SIZE;
        double t = (py - CODE_Y) / CODE_SIZE;
        if (thumb != null && thumb.covers(s, t)) {
            return 0.62 * shot.white() * (0.85 + 0.15 * Math.max(0, 1 - Math.hypot(s - 0.5, t - 0.5)));
        }
        boolean bezel = px < 0.04 || px > PHONE_W - 0.04 || py < 0.08 || py > PHONE_H - 0.08;
        if (bezel) {
            return 0.09 * shot.white();
        }
        boolean module = false;
        if (s >= 0 && t >= 0 && s < 1 && t < 1) {
            module = dark[(int) (t * n) * n + (int) (s * n)];
        }
        return module != shot.inverted() ? shot.black() : shot.white();
    }

    /**
     * The shot, its code shrunk until the whole code (quiet zone included) lies in the frame: a
     * code cut by the frame edge says nothing about the degradation under test.
     */
    static Shot fitInFrame(Shot shot) {
        Shot s = shot;
        while (!codeInFrame(s, 6)) {
            s = new Shot(
                    s.codeWidthPx() * 0.97,
                    s.centerX(),
                    s.centerY(),
                    s.roll(),
                    s.pitch(),
                    s.yaw(),
                    s.white(),
                    s.black(),
                    s.inverted(),
                    s.glare(),
                    s.glareRadius(),
                    s.glareX(),
                    s.glareY(),
                    s.cover(),
                    s.coverAngle(),
                    s.blurSigma(),
                    s.noiseSigma(),
                    s.jpegQuality());
        }
        return s;
    }

    /**
     * The frame cropped to the code plus {@code margin} pixels each side: what is stored, so the
     * committed corpus stays small. (A decoder sees the same code; only clutter far from it goes.)
     */
    static BufferedImage cropToCode(BufferedImage frame, Shot shot, int margin) {
        Homography toFrame = phoneQuad(fitInFrame(shot));
        double[] p = new double[2];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] c : new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}) {
            toFrame.apply((CODE_X + c[0] * CODE_SIZE) / PHONE_W, (CODE_Y + c[1] * CODE_SIZE) / PHONE_H, p);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int x0 = Math.max(0, (int) minX - margin);
        int y0 = Math.max(0, (int) minY - margin);
        int x1 = Math.min(frame.getWidth(), (int) Math.ceil(maxX) + margin);
        int y1 = Math.min(frame.getHeight(), (int) Math.ceil(maxY) + margin);
        BufferedImage out = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(-x0, -y0, frame.getRaster());
        return out;
    }

    private static boolean codeInFrame(Shot shot, double margin) {
        Homography toFrame = phoneQuad(shot);
        double[] p = new double[2];
        for (double[] c : new double[][] {{0, 0}, {1, 0}, {1, 1}, {0, 1}}) {
            toFrame.apply((CODE_X + c[0] * CODE_SIZE) / PHONE_W, (CODE_Y + c[1] * CODE_SIZE) / PHONE_H, p);
            if (p[0] < margin
                    || p[1] < margin
                    || p[0] > Shot.FRAME_WIDTH - margin
                    || p[1] > Shot.FRAME_HEIGHT - margin) {
                return false;
            }
        }
        return true;
    }

    /** The phone's outline in the frame, via a pinhole projection of the rotated phone plane. */
    static Homography phoneQuad(Shot shot) {
        double z = FOCAL_PX * CODE_SIZE / shot.codeWidthPx();
        double offX = (shot.centerX() - Shot.FRAME_WIDTH / 2.0) * z / FOCAL_PX;
        double offY = (shot.centerY() - Shot.FRAME_HEIGHT / 2.0) * z / FOCAL_PX;
        double[][] corners = {{0, 0}, {PHONE_W, 0}, {PHONE_W, PHONE_H}, {0, PHONE_H}};
        double[] xs = new double[4];
        double[] ys = new double[4];
        double cr = Math.cos(Math.toRadians(shot.roll()));
        double sr = Math.sin(Math.toRadians(shot.roll()));
        double cp = Math.cos(Math.toRadians(shot.pitch()));
        double sp = Math.sin(Math.toRadians(shot.pitch()));
        double cyw = Math.cos(Math.toRadians(shot.yaw()));
        double syw = Math.sin(Math.toRadians(shot.yaw()));
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0] - (CODE_X + CODE_SIZE / 2);
            double y = corners[i][1] - (CODE_Y + CODE_SIZE / 2);
            double x1 = x * cr - y * sr; // roll, in the phone's plane
            double y1 = x * sr + y * cr;
            double y2 = y1 * cp; // pitch about the horizontal axis
            double z2 = y1 * sp;
            double x3 = x1 * cyw + z2 * syw; // yaw about the vertical axis
            double z3 = -x1 * syw + z2 * cyw;
            double depth = z + z3;
            xs[i] = FOCAL_PX * (x3 + offX) / depth + Shot.FRAME_WIDTH / 2.0;
            ys[i] = FOCAL_PX * (y2 + offY) / depth + Shot.FRAME_HEIGHT / 2.0;
        }
        return Homography.squareToQuad(xs, ys);
    }

    /** A counter top: a soft gradient with paper-like rectangles, all dimmed with the light. */
    private static double[] background(int w, int h, double light, Random random) {
        double[] bg = new double[w * h];
        double base = 90 + random.nextDouble() * 70;
        double gx = random.nextDouble() * 60 - 30;
        double gy = random.nextDouble() * 60 - 30;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                bg[y * w + x] = base + gx * x / w + gy * y / h;
            }
        }
        for (int k = 0; k < 6; k++) {
            int rx = random.nextInt(w);
            int ry = random.nextInt(h);
            int rw = 40 + random.nextInt(200);
            int rh = 40 + random.nextInt(160);
            double v = 40 + random.nextDouble() * 190;
            for (int y = ry; y < Math.min(h, ry + rh); y++) {
                for (int x = rx; x < Math.min(w, rx + rw); x++) {
                    bg[y * w + x] = v;
                }
            }
        }
        for (int i = 0; i < bg.length; i++) {
            bg[i] *= light;
        }
        return bg;
    }

    /** A specular reflection of a lamp: a bright blob plus a faint veil over the whole screen. */
    private static void addGlare(double[] frame, int w, int h, Shot shot) {
        if (shot.glare() <= 0) {
            return;
        }
        double cx = shot.centerX() + (shot.glareX() - 0.5) * shot.codeWidthPx();
        double cy = shot.centerY() + (shot.glareY() - 0.5) * shot.codeWidthPx();
        double sigma = shot.glareRadius() * shot.codeWidthPx();
        double twoSigma2 = 2 * sigma * sigma;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                frame[y * w + x] += shot.glare() * (Math.exp(-d2 / twoSigma2) + 0.12);
            }
        }
    }

    /** A thumb over part of the code: a capsule reaching in from outside at {@code angle}. */
    record Thumb(double fromX, double fromY, double tipX, double tipY, double radius) {

        static Thumb covering(double fraction, double angleDeg) {
            double dx = Math.cos(Math.toRadians(angleDeg));
            double dy = Math.sin(Math.toRadians(angleDeg));
            double lo = -0.6;
            double hi = 1.2;
            Thumb best = null;
            for (int i = 0; i < 30; i++) { // the covered area grows as the tip moves in
                double reach = (lo + hi) / 2;
                Thumb t =
                        new Thumb(0.5 + 3 * dx, 0.5 + 3 * dy, 0.5 + (0.7 - reach) * dx, 0.5 + (0.7 - reach) * dy, 0.2);
                if (t.coveredFraction() < fraction) {
                    lo = reach;
                } else {
                    hi = reach;
                }
                best = t;
            }
            return best;
        }

        boolean covers(double s, double t) {
            double vx = tipX - fromX;
            double vy = tipY - fromY;
            double k = Math.max(0, Math.min(1, ((s - fromX) * vx + (t - fromY) * vy) / (vx * vx + vy * vy)));
            return Math.hypot(s - (fromX + k * vx), t - (fromY + k * vy)) < radius;
        }

        double coveredFraction() {
            int hits = 0;
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 80; x++) {
                    hits += covers((x + 0.5) / 80, (y + 0.5) / 80) ? 1 : 0;
                }
            }
            return hits / 6400.0;
        }
    }
}
