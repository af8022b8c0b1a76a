package io.bsocial.web.budget.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a client address in a budget: a SHA-256 digest (the table holds no address in clear,
 * as the login throttle's), of the address itself for IPv4 and of its /64 network for IPv6. One
 * IPv6 host (a home, a server) is given a whole /64: counted per address, it could pick a new one
 * for every request.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    public static String of(String address) {
        return digest(network(address));
    }

    /** The address, or the /64 an IPv6 address belongs to ({@code 2001:db8:0:1::/64}). */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with a colon is parsed as IPv6, never looked up by name.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // an IPv4-mapped address
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    /** The SHA-256 digest of any other key (an e-mail address), in hex. */
    public static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
