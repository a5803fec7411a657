package dev.tandem.product.demand;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The configured reporting currency and rates, checked once at start-up (a bad rate stops the service). */
@ApplicationScoped
public class DemandSettings {

    @Inject
    DemandConfig config;

    private ReportingRates rates;

    @PostConstruct
    void init() {
        rates = new ReportingRates(config.currency(), config.rates());
    }

    public ReportingRates rates() {
        return rates;
    }
}
