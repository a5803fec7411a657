package dev.tandem.product.demand;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code tandem.demand.currency} (default EUR): the currency weighted demand is expressed in;
 * {@code tandem.demand.rates."USD"=0.92}: how much one unit of another currency is worth in it (fixed rates).
 */
@ConfigMapping(prefix = "tandem.demand")
public interface DemandConfig {

    @WithDefault("EUR")
    String currency();

    Map<String, BigDecimal> rates();
}
