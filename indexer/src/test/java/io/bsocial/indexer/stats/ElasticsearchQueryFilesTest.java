package io.bsocial.indexer.stats;

import org.junit.jupiter.api.extension.ExtendWith;

import io.bsocial.indexer.support.SearchNodes;

/** The seed names Elasticsearch: the same query files give the same answers there. */
@ExtendWith(SearchNodes.class)
class ElasticsearchQueryFilesTest extends QueryFilesContract {

    @Override
    String nodeUrl() {
        return SearchNodes.elasticsearch().url();
    }
}
