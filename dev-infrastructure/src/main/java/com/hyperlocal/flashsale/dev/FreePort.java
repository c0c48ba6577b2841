package com.hyperlocal.flashsale.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks the standard port when it is free on loopback, otherwise any free one. */
final class FreePort {

    private FreePort() {}

    static int preferring(int standard) {
        return isFree(standard) ? standard : any();
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        }
    }
}
