package org.invigil.simulator;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person known to the platform (an LMS account), created with {@link LtiPlatformSimulator#user(String, String, String)}.
 * The {@code sub} is the LTI user id; roles in a course come from {@link Course#enrol(User, Role...)}.
 * <p>
 * Every user has an avatar served by the simulator at {@link #picture()} (a generated grey PNG unless
 * {@link #avatar(byte[], String)} sets one); only the {@link Flavor#CANVAS} flavour sends that URL.
 */
public final class User {
    private final String sub;
    private final String givenName;
    private final String familyName;
    private volatile String name;
    private volatile String email;
    private volatile String username;
    private volatile boolean usernameSet;
    private volatile String sourcedId;
    private volatile String locale = "en";
    private volatile URI picture;
    private volatile byte[] avatar;
    private volatile String avatarType = "image/png";
    private final Set<Role> institutionRoles = EnumSet.noneOf(Role.class);

    User(String sub, String givenName, String familyName, URI defaultPicture) {
        this.sub = Objects.requireNonNull(sub);
        this.givenName = givenName;
        this.familyName = familyName;
        this.name = (givenName + " " + familyName).trim();
        this.username = "user" + sub;
        this.email = username + "@example.com";
        this.picture = defaultPicture;
    }

    /** Sets the e-mail address (default {@code user<sub>@example.com}). */
    public User email(String email) {
        this.email = email;
        return this;
    }

    /**
     * Sets the login name (default {@code user<sub>}), Moodle's {@code ext_user_username}; Open edX's username
     * (default: the given name in lower case).
     */
    public User username(String username) {
        this.username = username;
        this.usernameSet = true;
        return this;
    }

    /** Overrides the full name (default "given family"). */
    public User name(String name) {
        this.name = name;
        return this;
    }

    /** Sets the SIS id ({@code lis.person_sourcedid}, NRPS {@code lis_person_sourcedid}). */
    public User sourcedId(String sourcedId) {
        this.sourcedId = sourcedId;
        return this;
    }

    /** Sets the locale sent in {@code launch_presentation.locale} and {@code locale} (default {@code en}). */
    public User locale(String locale) {
        this.locale = locale;
        return this;
    }

    /** Points {@code picture} elsewhere than the simulator's own avatar URL (Canvas flavour only sends it). */
    public User picture(URI picture) {
        this.picture = picture;
        return this;
    }

    /** Sets the bytes served at the simulator's avatar URL for this user, e.g. a face photo for vision tests. */
    public User avatar(byte[] image, String mediaType) {
        this.avatar = image.clone();
        this.avatarType = mediaType;
        return this;
    }

    /** Adds institution or system roles, sent in every launch of this user. */
    public User institutionRoles(Role... roles) {
        for (Role role : roles) {
            if (role.isContextRole()) {
                throw new IllegalArgumentException(role + " is a context role: use Course.enrol");
            }
            synchronized (institutionRoles) {
                institutionRoles.add(role);
            }
        }
        return this;
    }

    public String sub() {
        return sub;
    }

    public String name() {
        return name;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public Optional<String> sourcedId() {
        return Optional.ofNullable(sourcedId);
    }

    public String locale() {
        return locale;
    }

    /** The avatar URL (the simulator's {@code /users/{sub}/avatar} unless overridden). */
    public URI picture() {
        return picture;
    }

    /** The Open edX username: the one set with {@link #username(String)}, else the given name in lower case. */
    String edxUsername() {
        return usernameSet || givenName == null ? username : givenName.toLowerCase(java.util.Locale.ROOT);
    }

    Set<Role> institutionRoles() {
        synchronized (institutionRoles) {
            return EnumSet.copyOf(institutionRoles.isEmpty() ? EnumSet.noneOf(Role.class) : institutionRoles);
        }
    }

    byte[] avatarBytes() {
        return avatar;
    }

    String avatarType() {
        return avatarType;
    }

    @Override
    public String toString() {
        return "User[" + sub + " " + name + "]";
    }
}
