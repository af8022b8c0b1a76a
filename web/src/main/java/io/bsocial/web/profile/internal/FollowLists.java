package io.bsocial.web.profile.internal;

import java.util.List;

import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.profile.Profile;

/** A page of a followers or following list: the people, and the cursor where the next page starts. */
final class FollowLists {

    private FollowLists() {
    }

    static CursorPage<Profile> page(List<ProfileRepository.Listed> fetched, PageRequest page) {
        CursorPage<ProfileRepository.Listed> listed = CursorPage.of(fetched, page, ProfileRepository.Listed::position);
        return new CursorPage<>(listed.items().stream().map(ProfileRepository.Listed::profile).toList(),
                listed.nextCursor());
    }
}
