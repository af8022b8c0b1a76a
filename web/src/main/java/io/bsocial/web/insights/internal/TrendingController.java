package io.bsocial.web.insights.internal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The feed's trending box, loaded by the page after it is shown (fragments/trending.html), so the
 * feed never waits on the indexer. With nothing to show, or the indexer away, the answer is empty
 * and the box is simply not there.
 */
@Controller
class TrendingController {

    /** The side column is narrow: the first few. */
    static final int IN_THE_BOX = 5;

    private final Trending trending;

    TrendingController(Trending trending) {
        this.trending = trending;
    }

    @GetMapping("/insights/trending")
    String box(Model model) {
        List<Trending.Tag> tags = trending.now().orElse(List.of());
        if (tags.isEmpty()) {
            return "fragments/trending :: nothing";
        }
        model.addAttribute("tags", tags.subList(0, Math.min(IN_THE_BOX, tags.size())));
        return "fragments/trending :: box";
    }
}
