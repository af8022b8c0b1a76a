package io.bsocial.web.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.bsocial.web.block.Blocks;
import io.bsocial.web.profile.internal.ProfileRepository;
import io.bsocial.web.timeline.FollowerCounts;

/** What other modules may ask of profiles: whom to suggest following. */
@Service
public class Profiles {

    /** How many of the most followed are read to find enough that the viewer does not follow yet. */
    private static final int MOST_FOLLOWED_READ = 100;

    private final ProfileRepository profiles;
    private final FollowerCounts followerCounts;
    private final Blocks blocks;

    Profiles(ProfileRepository profiles, FollowerCounts followerCounts, Blocks blocks) {
        this.blocks = blocks;
        this.profiles = profiles;
        this.followerCounts = followerCounts;
    }

    /**
     * People worth following, best first: those followed by the most of the people the viewer
     * follows, then the most followed; in a network too new for either, the newest. Never the
     * viewer, never someone they follow already, never someone in a block with them (either way).
     */
    public List<Profile> suggestions(long viewerId, int limit) {
        Set<Long> chosen = new LinkedHashSet<>(profiles.followedByFollowed(viewerId, limit));
        if (chosen.size() < limit) {
            List<Long> popular = followerCounts.mostFollowed(MOST_FOLLOWED_READ);
            Set<Long> followed = new HashSet<>(profiles.followedAmong(viewerId, popular));
            followed.addAll(blocks.blockedEitherWay(viewerId, popular));
            for (long id : popular) {
                if (chosen.size() == limit) {
                    break;
                }
                if (id != viewerId && !followed.contains(id)) {
                    chosen.add(id);
                }
            }
        }
        if (chosen.size() < limit) {
            for (long id : profiles.newestNotFollowed(viewerId, limit * 2)) {
                if (chosen.size() == limit) {
                    break;
                }
                chosen.add(id);
            }
        }
        return profiles.byIds(new ArrayList<>(chosen), viewerId);
    }
}
