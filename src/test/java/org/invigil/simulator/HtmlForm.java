package org.invigil.simulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML form as a browser would submit it: the resolved {@code action}, the {@code method} and the named
 * {@code <input>}/{@code <textarea>} values (checkboxes and radios only when {@code checked}). This is how the
 * auto-posting pages of LTI (the platform's id_token form, the tool's deep-linking {@code JWT} form) are read.
 * Instances are immutable; {@link #with}/{@link #without} return edited copies for tampering.
 */
public record HtmlForm(URI action, String method, Map<String, String> fields) {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    public HtmlForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Every form of a page, in document order, with actions resolved against the page URI. */
    public static List<HtmlForm> allIn(String html, URI page) {
        List<HtmlForm> forms = new ArrayList<>();
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            String action = attributes.getOrDefault("action", "");
            URI resolved = action.isEmpty() ? page : page == null ? URI.create(action) : page.resolve(action);
            String method = attributes.getOrDefault("method", "get").toUpperCase(Locale.ROOT);
            forms.add(new HtmlForm(resolved, method, fields(form.group(2))));
        }
        return forms;
    }

    /** The first form of a page; fails with the page text when there is none. */
    public static HtmlForm firstIn(String html, URI page) {
        List<HtmlForm> forms = allIn(html, page);
        if (forms.isEmpty()) {
            throw new IllegalStateException("no <form> in the page at " + page + ":\n" + abbreviate(html));
        }
        return forms.get(0);
    }

    /** A field's value. */
    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The {@code id_token} field of an OIDC form post. */
    public String idToken() {
        return field("id_token").orElseThrow(() -> new IllegalStateException("no id_token field in " + this));
    }

    /** The {@code state} field of an OIDC form post. */
    public String state() {
        return field("state").orElseThrow(() -> new IllegalStateException("no state field in " + this));
    }

    /** A copy with that field set. */
    public HtmlForm with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(name, value);
        return new HtmlForm(action, method, copy);
    }

    /** A copy without that field. */
    public HtmlForm without(String name) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(name);
        return new HtmlForm(action, method, copy);
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(body);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(1));
            String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
            boolean unchecked = (type.equals("checkbox") || type.equals("radio")) && !a.containsKey("checked");
            if (a.containsKey("name") && !unchecked && !type.equals("submit") && !type.equals("button")
                    && !type.equals("image") && !type.equals("file")) {
                fields.putIfAbsent(a.get("name"), a.getOrDefault("value", type.equals("checkbox") ? "on" : ""));
            }
        }
        Matcher textarea = TEXTAREA.matcher(body);
        while (textarea.find()) {
            Map<String, String> a = attributes(textarea.group(1));
            if (a.containsKey("name")) {
                fields.putIfAbsent(a.get("name"), unescape(textarea.group(2)));
            }
        }
        return fields;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : unescape(value));
        }
        return attributes;
    }

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|#39);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos", "#39" -> "'";
                default -> new String(Character.toChars(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
