package com.hyperlocal.flashsale.verifier.scan;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A webcam-capture driver whose one camera plays back given frames, then does what the test
 * asks: keep returning nothing, or throw as an unplugged camera does.
 */
final class TestWebcamDriver implements WebcamDriver {

    private final List<WebcamDevice> devices = new ArrayList<>();

    TestWebcamDriver(FakeDevice... devices) {
        this.devices.addAll(List.of(devices));
    }

    @Override
    public List<WebcamDevice> getDevices() {
        return devices;
    }

    @Override
    public boolean isThreadSafe() {
        // Calls come straight through on the caller's thread, so a device's exception reaches us.
        return true;
    }

    static final class FakeDevice implements WebcamDevice {
        private final String name;
        private final Iterator<BufferedImage> frames;
        private final Supplier<BufferedImage> afterwards;
        private boolean open;
        int grabs;

        /** @param afterwards called once the frames run out (return null, or throw) */
        FakeDevice(String name, List<BufferedImage> frames, Supplier<BufferedImage> afterwards) {
            this.name = name;
            this.frames = frames.iterator();
            this.afterwards = afterwards;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {new Dimension(640, 480)};
        }

        @Override
        public Dimension getResolution() {
            return new Dimension(640, 480);
        }

        @Override
        public void setResolution(Dimension size) {}

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public BufferedImage getImage() {
            grabs++;
            return frames.hasNext() ? frames.next() : afterwards.get();
        }
    }
}
