package io.bsocial.web.feed;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class FeedPageController {

    @GetMapping("/")
    String feed() {
        return "feed/feed";
    }
}
