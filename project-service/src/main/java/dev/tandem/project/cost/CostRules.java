package dev.tandem.project.cost;

import dev.tandem.platform.domain.DomainException;
import dev.tandem.platform.domain.DomainException.FieldIssue;
import dev.tandem.platform.money.Money;
import dev.tandem.project.project.Project;

/** Money a project records is in the project's currency: that of its budget (of its baseline once approved). */
public final class CostRules {

    private CostRules() {
    }

    static String currencyOf(Project project) {
        Project.Baseline b = project.baseline();
        if (b != null) {
            return b.budget().currency();
        }
        Money budget = project.budget();
        return budget == null ? null : budget.currency();
    }

    /** A project without a budget, or money in another currency, is a 422 naming {@code field}. */
    public static void requireProjectCurrency(Project project, Money money, String field) {
        String currency = currencyOf(project);
        if (currency == null) {
            throw DomainException.ruleBroken("the project has no budget, so no currency for " + field + " yet",
                    new FieldIssue(field, "the project has no budget currency yet"));
        }
        if (!currency.equals(money.currency())) {
            throw DomainException.ruleBroken(field + " is in " + money.currency() + ", the project's currency is "
                    + currency, new FieldIssue(field, "must be " + currency + ", the project's currency"));
        }
    }
}
