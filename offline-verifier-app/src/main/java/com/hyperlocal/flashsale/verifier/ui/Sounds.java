package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.counter.Verdict;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * A short tone per verdict: one high beep for VALID, two low ones otherwise, so the assistant
 * hears the answer without looking. Any audio problem (no sound card, headless) is ignored:
 * sound is a courtesy, the screen is the answer.
 */
final class Sounds implements Consumer<Verdict> {

    private static final float RATE = 22_050f;

    @Override
    public void accept(Verdict verdict) {
        try {
            if (verdict == Verdict.VALID) {
                play(new int[] {1320}, 180);
            } else {
                play(new int[] {330, 0, 330}, 150);
            }
        } catch (Throwable e) { // LinkageError/HeadlessException included: never crash for a beep
            try {
                java.awt.Toolkit.getDefaultToolkit().beep();
            } catch (Throwable ignored) {
                // No audio at all on this device.
            }
        }
    }

    private static void play(int[] tonesHz, int msEach) throws Exception {
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        int perTone = (int) (RATE * msEach / 1000);
        byte[] pcm = new byte[perTone * tonesHz.length];
        for (int t = 0; t < tonesHz.length; t++) {
            for (int i = 0; i < perTone; i++) {
                double v = tonesHz[t] == 0 ? 0 : Math.sin(2 * Math.PI * tonesHz[t] * i / RATE);
                pcm[t * perTone + i] = (byte) (v * 90);
            }
        }
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        }
    }
}
