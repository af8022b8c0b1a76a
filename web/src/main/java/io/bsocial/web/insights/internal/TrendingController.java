package io.bsocial.web.insights.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.bsocial.web.insights.TrendingBox;
import io.bsocial.web.insights.TrendingTag;

/**
 * The feed's trending box, for a feed page drawn before web had any answer from the indexer
 * ({@link TrendingBox#lastKnown()}): the page asks for it once it is shown (fragments/trending.html),
 * so the feed never waits on the indexer. With nothing to show, or the indexer away, the answer is
 * empty and the box is simply not there.
 */
@Controller
class TrendingController {

    private final Trending trending;

    TrendingController(Trending trending) {
        this.trending = trending;
    }

    @GetMapping("/insights/trending")
    String box(Model model) {
        List<TrendingTag> tags = trending.now().orElse(List.of());
        if (tags.isEmpty()) {
            return "fragments/trending :: nothing";
        }
        model.addAttribute("tags", tags.subList(0, Math.min(TrendingBox.SIZE, tags.size())));
        return "fragments/trending :: box";
    }
}
