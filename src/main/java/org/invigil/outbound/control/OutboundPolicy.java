package org.invigil.outbound.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which destinations the tool calls: HTTPS to public addresses, and anything on the administrator's allow-list
 * ({@code invigil.outbound.allow}: host names, {@code host:port}, IP addresses or CIDR ranges, each optionally with
 * {@code :port}), which may also use plain HTTP and private or loopback addresses (development, on-premise LMSs).
 *
 * <p>The check is on the addresses the host name resolves to ({@link InetAddress#getAllByName}), not on its text,
 * so decimal, octal or hex IPv4 forms and IPv4-mapped IPv6 literals end up where they really point; a destination is
 * refused if ANY of its addresses is loopback, unspecified, link-local, private, shared (CGNAT), multicast,
 * broadcast or reserved. The refusal is decided before any connection is made, so it is the same whatever listens
 * there (no port-scan oracle).
 *
 * <p>DNS rebinding: Java 17's {@code HttpClient} has no resolver hook, so it looks the host up again itself. That
 * lookup hits the JVM's address cache ({@code networkaddress.cache.ttl}, 30 s by default), filled by the check a
 * moment earlier, so in practice it connects to the checked addresses; this is not a proof (a cache entry can expire
 * between check and connect, and a TTL of 0 disables the cache). Keep {@code networkaddress.cache.ttl} above zero.
 */
public final class OutboundPolicy {

    public static final String SETTING = "invigil.outbound.allow";

    private static final Logger LOG = Logger.getLogger(OutboundPolicy.class.getName());
    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

    /** Looks a host up: {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** One allow-list entry: a host name or an address range, on any port or one port. */
    record Entry(Optional<String> host, Optional<InetAddress> network, int prefix, int port) {

        boolean matchesName(String name, int destinationPort) {
            return host.isPresent() && host.get().equals(name) && (port < 0 || port == destinationPort);
        }

        boolean matches(InetAddress address, int destinationPort) {
            return network.isPresent() && (port < 0 || port == destinationPort)
                    && inRange(address.getAddress(), network.get().getAddress(), prefix);
        }
    }

    private final List<Entry> allowed;
    private final Resolver resolver;

    /** @param allowList the {@value #SETTING} setting: comma-separated entries; invalid ones are logged and ignored */
    public OutboundPolicy(String allowList, Resolver resolver) {
        this.allowed = parse(allowList == null ? "" : allowList);
        this.resolver = resolver;
    }

    public OutboundPolicy(String allowList) {
        this(allowList, InetAddress::getAllByName);
    }

    /**
     * Refuses the destination unless the tool may call it, looking its host up now.
     *
     * @param what names the URL in the refusal ("The JWKS URL")
     * @param lenient whether a host that does not resolve passes (when a URL is stored; it is checked again at call)
     */
    public void check(URI uri, String what, boolean lenient) {
        String host = host(uri);
        int port = port(uri);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (host.isEmpty()) {
            throw new OutboundRefused("url_malformed", what + " has no host name Invigil can use.");
        }
        if (allowed.stream().anyMatch(entry -> entry.matchesName(host, port))) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            if (!https) {
                throw insecure(what);
            }
            if (lenient) {
                return;
            }
            throw new OutboundRefused("destination_unresolvable", what + " names the host " + host
                    + ", which does not resolve to an address.");
        }
        if (!https && !allAllowListed(addresses, port)) {
            throw insecure(what);
        }
        for (InetAddress address : addresses) {
            if (allowed.stream().noneMatch(entry -> entry.matches(address, port))) {
                kind(address).ifPresent(kind -> {
                    throw new OutboundRefused("destination_refused", what + " resolves to " + kind + " ("
                            + address.getHostAddress() + "), which Invigil does not call; an administrator can "
                            + "allow it with " + SETTING + ".");
                });
            }
        }
    }

    static OutboundRefused insecure(String what) {
        return new OutboundRefused("url_insecure", what + " must use HTTPS; plain HTTP is only for destinations an "
                + "administrator allows with " + SETTING + ".");
    }

    private boolean allAllowListed(InetAddress[] addresses, int port) {
        if (addresses.length == 0) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (allowed.stream().noneMatch(entry -> entry.matches(address, port))) {
                return false;
            }
        }
        return true;
    }

    /** What kind of non-public address this is, in words; empty for a public (global unicast) address. */
    static Optional<String> kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            Optional<byte[]> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return kind4(embedded.get()).map(kind -> kind + " inside an IPv6 address");
            }
            int first = b[0] & 0xff;
            if (address.isAnyLocalAddress()) {
                return Optional.of("the unspecified address");
            }
            if (address.isLoopbackAddress()) {
                return Optional.of("a loopback address");
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
                return Optional.of("a link-local address");
            }
            if ((first & 0xfe) == 0xfc || (first == 0xfe && (b[1] & 0xc0) == 0xc0)) {
                return Optional.of("a private network address");
            }
            if (first == 0xff) {
                return Optional.of("a multicast address");
            }
            if (inRange(b, new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 32)) {
                return Optional.of("a documentation address");
            }
            if ((first & 0xe0) != 0x20) {
                return Optional.of("a reserved address");
            }
            return Optional.empty();
        }
        return kind4(b);
    }

    private static Optional<String> kind4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("the unspecified address");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private network address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("a link-local address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("a reserved address");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("a reserved address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (a0 == 255 && a1 == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
            return Optional.of("the broadcast address");
        }
        if (a0 >= 240) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}),
     * NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}) IPv6 address.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        if (zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (zeros80 && b[10] == 0 && b[11] == 0) {
            boolean upper = b[12] != 0 || b[13] != 0 || b[14] != 0;
            if (upper || (b[15] & 0xff) > 1) {
                return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return Optional.empty();
        }
        if (inRange(b, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 96)) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    static boolean inRange(byte[] address, byte[] network, int prefix) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    static String host(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    /** An IP literal, which resolves without DNS: digits and dots (any IPv4 form Java accepts) or IPv6. */
    static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    static List<Entry> parse(String setting) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : setting.split(",")) {
            String text = raw.strip().toLowerCase(Locale.ROOT);
            if (text.isEmpty()) {
                continue;
            }
            try {
                entries.add(entry(text));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Ignoring the " + SETTING + " entry '" + text + "': " + e.getMessage());
            }
        }
        return List.copyOf(entries);
    }

    /** {@code name}, {@code name:port}, {@code ip}, {@code ip:port}, {@code [ipv6]:port}, {@code cidr[:port]}. */
    static Entry entry(String text) {
        String address;
        int port = -1;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("a '[' without ']'");
            }
            String after = text.substring(close + 1);
            address = text.substring(1, close);
            Matcher prefixThenPort = Pattern.compile("(/\\d{1,3})?(:(\\d{1,5}))?").matcher(after);
            if (!prefixThenPort.matches()) {
                throw new IllegalArgumentException("expected [address], [address]/prefix or [address]:port");
            }
            if (prefixThenPort.group(1) != null) {
                address += prefixThenPort.group(1);
            }
            if (prefixThenPort.group(3) != null) {
                port = port(prefixThenPort.group(3));
            }
        } else if (text.indexOf(':') != text.lastIndexOf(':')) {
            address = text;
        } else {
            int colon = text.indexOf(':');
            address = colon < 0 ? text : text.substring(0, colon);
            if (colon >= 0) {
                port = port(text.substring(colon + 1));
            }
        }
        String network = address;
        int prefix = -1;
        int slash = address.indexOf('/');
        if (slash >= 0) {
            network = address.substring(0, slash);
            prefix = Integer.parseInt(address.substring(slash + 1));
        }
        if (DOTTED_IPV4.matcher(network).matches() || network.contains(":")) {
            InetAddress literal = literal(network);
            int bits = literal.getAddress().length * 8;
            if (prefix > bits) {
                throw new IllegalArgumentException("a prefix longer than " + bits + " bits");
            }
            return new Entry(Optional.empty(), Optional.of(literal), prefix < 0 ? bits : prefix, port);
        }
        if (prefix >= 0 || !HOST_NAME.matcher(network).matches()) {
            throw new IllegalArgumentException("neither a host name, an IP address nor a CIDR range");
        }
        return new Entry(Optional.of(network.endsWith(".") ? network.substring(0, network.length() - 1) : network),
                Optional.empty(), 0, port);
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("not a port: " + text);
        }
        return Integer.parseInt(text);
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }
}
