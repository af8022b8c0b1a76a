package io.bsocial.web.profile.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.block.BlockService;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.profile.Profile;
import io.bsocial.web.support.NotFoundException;

/**
 * The pages' side of blocks and mutes: the Block and Mute buttons of a profile page (each answers
 * the buttons again, with the follow button, counts and posts that a block changes), and the lists
 * of blocked and muted people ({@code /settings/blocks}, and the fragment {@code settings/blocks ::
 * settingsSection} that loads them wherever it is included), each with its Unblock / Unmute.
 */
@Controller
class BlockPagesController {

    /** The lists show this many of each, newest first; the API pages through the rest. */
    private static final String LIST_LIMIT = "100";

    private final BlockService relations;
    private final Blocks blocks;
    private final ProfileRepository profiles;
    private final Posts posts;

    BlockPagesController(BlockService relations, Blocks blocks, ProfileRepository profiles, Posts posts) {
        this.relations = relations;
        this.blocks = blocks;
        this.profiles = profiles;
        this.posts = posts;
    }

    @PutMapping("/users/{username}/block")
    String block(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.block(me, username);
        return related(me, username, model);
    }

    @DeleteMapping("/users/{username}/block")
    String unblock(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.unblock(me, username);
        return related(me, username, model);
    }

    @PutMapping("/users/{username}/mute")
    String mute(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.mute(me, username);
        return related(me, username, model);
    }

    @DeleteMapping("/users/{username}/mute")
    String unmute(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.unmute(me, username);
        return related(me, username, model);
    }

    @GetMapping("/settings/blocks")
    String page() {
        return "settings/blocks-page";
    }

    @GetMapping("/settings/blocks/lists")
    String lists(@AuthenticationPrincipal SessionUser me, Model model) {
        PageRequest first = PageRequest.of(LIST_LIMIT, null, Cursor.NEWEST);
        model.addAttribute("blocked", FollowLists.page(profiles.blocked(me.id(), first), first));
        model.addAttribute("muted", FollowLists.page(profiles.muted(me.id(), first), first));
        return "settings/blocks :: lists";
    }

    @DeleteMapping("/settings/blocks/{username}")
    String unblockFromList(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.unblock(me, username);
        return lists(me, model);
    }

    @DeleteMapping("/settings/mutes/{username}")
    String unmuteFromList(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        relations.unmute(me, username);
        return lists(me, model);
    }

    /** The buttons as they now stand, and (out of band) what a block changes on the profile page. */
    private String related(SessionUser me, String username, Model model) {
        Profile profile = profiles.find(username, me.id()).orElseThrow(() -> new NotFoundException("No such user."));
        model.addAttribute("profile", profile);
        model.addAttribute("stance", blocks.stance(me.id(), profile.id()));
        CursorPage<Post> visible = null;
        if (profile.followedByMe()) {
            PageRequest request = PageRequest.of(null, null, Cursor.NEWEST);
            visible = CursorPage.of(posts.byAuthor(profile.id(), me.id(), request), request, Post::position);
        }
        model.addAttribute("posts", visible);
        return "profile/profile :: related";
    }
}
