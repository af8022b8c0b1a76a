package io.bsocial.web.profile;

import java.util.List;

import org.springframework.stereotype.Service;

import io.bsocial.web.profile.internal.ProfileRepository;

/** What other modules may ask of profiles: whom to suggest following. */
@Service
public class Profiles {

    private final ProfileRepository profiles;

    Profiles(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    /** People to follow for someone whose feed is empty: the newest users they do not follow yet. */
    public List<Profile> suggestions(long viewerId, int limit) {
        return profiles.suggestions(viewerId, limit);
    }
}
