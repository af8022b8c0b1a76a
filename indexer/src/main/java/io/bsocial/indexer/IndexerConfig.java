package io.bsocial.indexer;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.bsocial.shared.operations.OperatorAccessConfiguration;
import io.bsocial.shared.web.ProblemErrorController;

@Configuration(proxyBeanMethods = false)
@Import({ProblemErrorController.class, OperatorAccessConfiguration.class})
class IndexerConfig {
}
