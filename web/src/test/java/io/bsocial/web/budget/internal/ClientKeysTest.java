package io.bsocial.web.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An IPv4 client is its address; an IPv6 client is its /64, however the address is written. */
class ClientKeysTest {

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        assertThat(ClientKeys.network("2001:db8:5:6::1")).isEqualTo("2001:db8:5:6::/64");
        assertThat(ClientKeys.of("2001:db8:5:6::1")).isEqualTo(ClientKeys.of("2001:0DB8:0005:0006:ffff:1:2:3"));
        assertThat(ClientKeys.of("2001:db8:5:6::1")).isNotEqualTo(ClientKeys.of("2001:db8:5:7::1"));
    }

    @Test
    void ipv4AddressesAreTheirOwnKeyAndNoKeyHoldsTheAddress() {
        assertThat(ClientKeys.of("203.0.113.9")).isNotEqualTo(ClientKeys.of("203.0.113.10")).hasSize(64)
                .doesNotContain("203");
        assertThat(ClientKeys.of("::ffff:203.0.113.9")).isEqualTo(ClientKeys.of("203.0.113.9"));
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientKeys.network("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
        assertThat(ClientKeys.network(null)).isEmpty();
    }
}
