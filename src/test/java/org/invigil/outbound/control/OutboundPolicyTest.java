package org.invigil.outbound.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.invigil.web.boundary.RefusalMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound policy on resolved addresses, with a resolver that answers from a table (no DNS). */
class OutboundPolicyTest {

    /** Names as a hostile DNS could answer them; address literals resolve as the JVM parses them. */
    static final Map<String, String[]> DNS = Map.of(
            "lms.example.edu", new String[] {"93.184.216.34"},
            "intranet.example.edu", new String[] {"10.0.0.5"},
            "sneaky.example.edu", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example.edu", new String[] {"169.254.169.254"},
            "moodle.campus.local", new String[] {"10.20.3.4"},
            "v6.example.edu", new String[] {"2606:4700::1111"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answer = DNS.get(host);
        if (answer == null) {
            if (OutboundPolicy.isLiteral(host)) {
                return InetAddress.getAllByName(host);
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[answer.length];
        for (int i = 0; i < answer.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
        }
        return addresses;
    }

    static OutboundPolicy policy(String allow) {
        return new OutboundPolicy(allow, OutboundPolicyTest::resolve);
    }

    static String refusal(OutboundPolicy policy, String url) {
        return assertThrows(OutboundRefused.class, () -> policy.check(URI.create(url), "The URL", false),
                url).code();
    }

    @Test
    void callsHttpsToPublicAddresses() {
        OutboundPolicy policy = policy("");
        assertDoesNotThrow(() -> policy.check(URI.create("https://lms.example.edu/jwks"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("https://93.184.216.34/"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("https://v6.example.edu/"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("https://[2606:4700::1111]/"), "x", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1/", "https://127.0.0.2:8080/api", "https://2130706434/",
        "https://[::1]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/", "https://[::127.0.0.2]/",
        "https://0.0.0.0/", "https://0/", "https://[::]/",
        "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/", "https://[::ffff:169.254.169.254]/",
        "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.254/", "https://192.168.1.1/",
        "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[::ffff:10.0.0.1]/", "https://[fec0::1]/",
        "https://100.64.0.1/", "https://100.127.255.254/",
        "https://224.0.0.1/", "https://239.255.255.250/", "https://[ff02::1]/",
        "https://255.255.255.255/", "https://240.0.0.1/",
        "https://[64:ff9b::10.0.0.1]/", "https://[2002:7f00:1::]/",
        "https://intranet.example.edu/", "https://metadata.example.edu/", "https://sneaky.example.edu/",
        "https://intranet.example.edu./", "https://INTRANET.example.edu/"})
    void refusesEveryNonPublicAddressClassAfterResolution(String url) {
        assertEquals("destination_refused", refusal(policy(""), url));
    }

    @Test
    void octalLookingIpv4IsWhatTheJvmConnectsTo() throws Exception {
        // Java reads 0177.0.0.1 as decimal 177.0.0.1, and connects there: the check follows the same parse
        assertEquals("177.0.0.1", InetAddress.getByName("0177.0.0.1").getHostAddress());
        assertDoesNotThrow(() -> policy("").check(URI.create("https://0177.0.0.1/"), "x", false));
        // hex is not an address to Java: a name that does not resolve
        assertEquals("destination_unresolvable", refusal(policy(""), "https://0x7f000001/"));
    }

    @Test
    void refusesUrlsWithoutAHostJavaCanUse() {
        // java.net.URI leaves the host of https://127.1/ empty; InetAddress would resolve "" to loopback
        assertEquals("url_malformed", refusal(policy(""), "https://127.1/"));
    }

    @Test
    void refusalNamesTheAddressTheKindAndTheSetting() {
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> policy("")
                .check(URI.create("https://intranet.example.edu/x"), "The openid_configuration URL", false));
        assertEquals(400, RefusalMapper.problem(refused).status());
        assertEquals("The openid_configuration URL resolves to a private network address (10.0.0.5), which Invigil "
                + "does not call; an administrator can allow it with invigil.outbound.allow.", refused.detail());
    }

    @Test
    void plainHttpIsRefusedUnlessAllowListed() {
        assertAll(
                () -> assertEquals("url_insecure", refusal(policy(""), "http://lms.example.edu/")),
                () -> assertEquals("url_insecure", refusal(policy(""), "http://127.0.0.1:8080/")),
                () -> assertEquals("url_insecure", refusal(policy(""), "http://localhost/")),
                () -> assertEquals("url_insecure", refusal(policy(""), "http://nowhere.invalid/")),
                () -> assertEquals("url_insecure", refusal(policy("10.0.0.0/8"), "http://lms.example.edu/")));
    }

    @Test
    void allowListByHostNameAndPort() {
        OutboundPolicy policy = policy("moodle.campus.local, localhost:8081");
        assertDoesNotThrow(() -> policy.check(URI.create("http://moodle.campus.local/mod/lti/certs.php"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("https://MOODLE.campus.local./x"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("http://localhost:8081/x"), "x", false));
        assertEquals("url_insecure", refusal(policy, "http://localhost:8082/x"));
        assertEquals("destination_refused", refusal(policy, "https://localhost:8082/x"));
        assertEquals("destination_refused", refusal(policy, "https://intranet.example.edu/"));
    }

    @Test
    void allowListByAddressAndCidrMatchesTheResolvedAddress() {
        OutboundPolicy policy = policy("127.0.0.1, 10.20.0.0/16:443, [fd00::]/8, 192.168.1.10:8443");
        assertDoesNotThrow(() -> policy.check(URI.create("http://127.0.0.1:9999/x"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("http://2130706433/x"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("https://moodle.campus.local/x"), "x", false));
        assertEquals("destination_refused", refusal(policy, "https://moodle.campus.local:8443/x"));
        assertDoesNotThrow(() -> policy.check(URI.create("https://[fd12::5]/"), "x", false));
        assertDoesNotThrow(() -> policy.check(URI.create("http://192.168.1.10:8443/"), "x", false));
        assertEquals("destination_refused", refusal(policy, "https://192.168.1.10/"));
        assertEquals("destination_refused", refusal(policy, "https://127.0.0.2/"));
        assertEquals("destination_refused", refusal(policy, "https://10.21.0.1/"));
    }

    @Test
    void everyResolvedAddressMustBeAllowed() {
        OutboundPolicy policy = policy("127.0.0.1");
        // sneaky.example.edu resolves to a public and a loopback address: public passes, loopback is allow-listed
        assertDoesNotThrow(() -> policy.check(URI.create("https://sneaky.example.edu/"), "x", false));
        // but plain HTTP needs every address allow-listed
        assertEquals("url_insecure", refusal(policy, "http://sneaky.example.edu/"));
    }

    @Test
    void unresolvableHostsPassOnlyWhenAUrlIsStored() {
        assertDoesNotThrow(() -> policy("").check(URI.create("https://not-yet.example.edu/"), "x", true));
        assertEquals("destination_unresolvable", refusal(policy(""), "https://not-yet.example.edu/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lms.example.edu | lms.example.edu | -1",
        "lms.example.edu:8443 | lms.example.edu | 8443",
        "127.0.0.1 | 127.0.0.1/32 | -1",
        "127.0.0.1:9000 | 127.0.0.1/32 | 9000",
        "10.0.0.0/8 | 10.0.0.0/8 | -1",
        "10.0.0.0/8:443 | 10.0.0.0/8 | 443",
        "::1 | 0:0:0:0:0:0:0:1/128 | -1",
        "[::1]:8080 | 0:0:0:0:0:0:0:1/128 | 8080",
        "fd00::/8 | fd00:0:0:0:0:0:0:0/8 | -1",
        "[fd00::]/8:443 | fd00:0:0:0:0:0:0:0/8 | 443",
        "[fd00::/8]:443 | fd00:0:0:0:0:0:0:0/8 | 443"})
    void parsesEveryAllowListForm(String text, String expected, int port) {
        OutboundPolicy.Entry entry = OutboundPolicy.entry(text);
        String shown = entry.host().orElseGet(() -> entry.network().orElseThrow().getHostAddress() + "/"
                + entry.prefix());
        assertEquals(expected, shown);
        assertEquals(port, entry.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "host:99999", "[::1", "bad host", "lms.example.edu/8", "::1/129"})
    void ignoresInvalidEntries(String text) {
        assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.entry(text));
        assertTrue(OutboundPolicy.parse(text + ", lms.example.edu").size() == 1);
    }
}
