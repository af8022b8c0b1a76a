package io.bsocial.shared.testing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Addresses of this machine, to reach a test server the way another host would (not over loopback). */
public final class LocalAddresses {

    private LocalAddresses() {
    }

    /** An IPv4 address of an interface that is up and not loopback: a connection to it does not come from loopback. */
    public static String nonLoopback() {
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp() || network.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("these tests need a network interface besides loopback");
    }
}
