package io.bsocial.indexer.stats;

import org.junit.jupiter.api.extension.ExtendWith;

import io.bsocial.indexer.support.SearchNodes;

@ExtendWith(SearchNodes.class)
class OpenSearchQueryFilesTest extends QueryFilesContract {

    @Override
    String nodeUrl() {
        return SearchNodes.opensearch().url();
    }
}
