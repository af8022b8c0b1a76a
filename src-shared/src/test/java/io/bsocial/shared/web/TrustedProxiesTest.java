package io.bsocial.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.List;

import org.apache.catalina.util.NetMaskSet;
import org.junit.jupiter.api.Test;

/** Loopback and the configured proxies, addresses or CIDR ranges, as Tomcat's trusted ranges. */
class TrustedProxiesTest {

    @Test
    void trustsLoopbackAndTheListedAddressesAndRangesOnly() throws UnknownHostException {
        NetMaskSet trusted = NetMaskSet.parse(TrustedProxies.cidrList(List.of(" 198.51.100.7", "10.42.0.0/16 ", "2001:db8::1", "")));

        for (String address : List.of("127.0.0.1", "127.9.9.9", "0:0:0:0:0:0:0:1", "198.51.100.7", "10.42.0.1",
                "10.42.255.254", "2001:db8:0:0:0:0:0:1")) {
            assertThat(trusted.contains(address)).as(address).isTrue();
        }
        for (String address : List.of("198.51.100.8", "10.43.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1",
                "2001:db8:0:0:0:0:0:2")) {
            assertThat(trusted.contains(address)).as(address).isFalse();
        }
    }

    @Test
    void anEntryThatIsNotAnAddressOrARangeStopsTheStart() {
        for (String wrong : List.of("proxy.example.com", "10.0.0.0/99", "10.0.0.256", ".*", "10.0.0.0/8|.*")) {
            assertThatThrownBy(() -> TrustedProxies.cidrList(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bsocial.trusted-proxies");
        }
    }
}
