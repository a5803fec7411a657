package dev.tandem.devstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import dev.tandem.devstack.demo.DemoDataSet.CommentSpec;
import dev.tandem.devstack.demo.DemoDataSet.StageMove;

/**
 * The words of the demo data: three products with their features (and what customers say about each), company
 * names, the team, and sentence templates per sentiment and channel. Written for Tandem; all names are invented.
 */
final class DemoVocabulary {

    private DemoVocabulary() {
    }

    /** A product to create, with its lifecycle moves (from CONCEPT) and features. */
    record ProductIdea(String key, String name, String vision, List<String> segments, String owner,
                       List<StageMove> lifecycle, List<FeatureIdea> features) {
    }

    /**
     * A feature, its RICE inputs, the status it ends in, how often customers bring it up ({@code popularity}) and
     * the words they use: the {@code area} it is about, what they {@code ask} for, the {@code pain} without it and
     * the {@code benefit} with it.
     */
    record FeatureIdea(String ref, String title, String problem, long reach, String impact, int confidence,
                       String effort, String status, String rejectionReason, int popularity, String tag, String area,
                       String ask, String pain, String benefit) {
    }

    record Text(String title, String text, String tag) {
    }

    private static FeatureIdea f(String ref, String title, String problem, long reach, String impact, int confidence,
                                 String effort, String status, int popularity, String tag, String area, String ask,
                                 String pain, String benefit) {
        return new FeatureIdea(ref, title, problem, reach, impact, confidence, effort, status, null, popularity, tag,
                area, ask, pain, benefit);
    }

    private static FeatureIdea rejected(String ref, String title, String problem, long reach, String impact,
                                        int confidence, String effort, String reason, int popularity, String tag,
                                        String area, String ask, String pain, String benefit) {
        return new FeatureIdea(ref, title, problem, reach, impact, confidence, effort, "REJECTED", reason, popularity,
                tag, area, ask, pain, benefit);
    }

    static final String PM_CHECKOUT = "ana.pm@example.com";
    static final String PM_INSIGHTS = "liam.pm@example.com";
    static final String PM_MOBILE = "mia.pm@example.com";

    static final List<ProductIdea> PRODUCTS = List.of(
            new ProductIdea("CHK", "Checkout",
                    "Paying is the easiest step of buying: one screen, every popular way to pay, no surprises.",
                    List.of("SMB", "Mid-market", "Enterprise"), PM_CHECKOUT,
                    List.of(new StageMove("DEVELOPMENT", "Business case approved by the leadership team", PM_CHECKOUT),
                            new StageMove("LAUNCHED", "General availability for all merchants", PM_CHECKOUT),
                            new StageMove("GROWTH", "Payment volume grows 8 % month on month for two quarters",
                                    PM_CHECKOUT)),
                    List.of(
                            f("CHK-REORDER", "One-click reorder",
                                    "Repeat buyers rebuild the same cart by hand every week.", 4200, "2", 80, "3",
                                    "IN_DELIVERY", 9, "reorder", "reordering", "a one-click reorder button",
                                    "we rebuild the same order by hand every single week",
                                    "repeat orders would take seconds"),
                            f("CHK-WALLET", "Saved cards wallet",
                                    "Buyers type their card details again on every purchase.", 3800, "2", 70, "4",
                                    "IN_DELIVERY", 8, "saved-cards", "saved cards",
                                    "saved cards for returning buyers",
                                    "our buyers have to type their card number again on every purchase",
                                    "returning buyers could pay with two taps"),
                            f("CHK-WALLETPAY", "Apple Pay and Google Pay",
                                    "Mobile buyers abandon the payment step when their wallet is not offered.", 5000,
                                    "2", 90, "2", "RELEASED", 7, "wallets", "mobile wallets",
                                    "Apple Pay and Google Pay at checkout",
                                    "mobile buyers drop off because Apple Pay is missing",
                                    "mobile conversion would finally match desktop"),
                            f("CHK-GUEST", "Guest checkout without an account",
                                    "First-time buyers are forced to create an account before paying.", 3000, "1", 80,
                                    "1.5", "PLANNED", 6, "guest-checkout", "the forced sign-up",
                                    "guest checkout without an account",
                                    "first-time buyers leave when they are forced to sign up",
                                    "first orders would not need a password"),
                            f("CHK-ADDRESS", "Address autocomplete",
                                    "Typos in delivery addresses cause failed deliveries and support tickets.", 2600,
                                    "0.5", 80, "1", "PLANNED", 4, "address", "address entry",
                                    "address autocomplete", "typos in addresses cause failed deliveries",
                                    "fewer parcels would come back"),
                            f("CHK-SPEED", "Faster payment page",
                                    "The payment page takes over four seconds to load on mobile networks.", 5000, "1",
                                    100, "2", "PLANNED", 6, "performance", "the payment page speed",
                                    "a faster payment page", "the payment page is very slow on mobile",
                                    "fewer buyers would give up while it loads"),
                            f("CHK-INVOICE", "Pay by invoice for businesses",
                                    "Business buyers need net-30 invoices instead of card payments.", 900, "2", 60,
                                    "5", "CANDIDATE", 5, "invoice", "paying by invoice",
                                    "pay by invoice with net-30 terms",
                                    "our procurement team cannot pay by card at all",
                                    "we could order without a purchase card"),
                            f("CHK-SPLIT", "Split payments",
                                    "Large orders are paid from several cards or budgets.", 700, "1", 50, "3",
                                    "CANDIDATE", 3, "split-payment", "splitting a payment",
                                    "splitting one order across two cards",
                                    "large orders fail because one card has a limit",
                                    "big orders would go through the first time"),
                            f("CHK-CURRENCY", "Prices in the buyer's currency",
                                    "International buyers see prices only in the merchant's currency.", 1800, "1", 70,
                                    "4", "CANDIDATE", 4, "currency", "foreign currencies",
                                    "prices shown in the buyer's own currency",
                                    "international buyers are confused by prices in euros",
                                    "buyers abroad would know what they pay"),
                            f("CHK-PROMO", "Promo codes at checkout",
                                    "Marketing cannot run discount campaigns without custom code.", 2000, "0.5", 50,
                                    "2", "IDEA", 3, "promo-codes", "promo codes", "promo codes at checkout",
                                    "we cannot run a simple discount campaign",
                                    "our seasonal campaigns would be easy"),
                            f("CHK-BNPL", "Buy now, pay later",
                                    "Some buyers want to pay big orders in instalments.", 1500, "1", 40, "6", "IDEA",
                                    2, "bnpl", "instalments", "buy now, pay later in instalments",
                                    "expensive orders get abandoned at the payment step",
                                    "bigger baskets would convert"),
                            rejected("CHK-CRYPTO", "Cryptocurrency payments",
                                    "A few buyers asked to pay with Bitcoin.", 100, "0.25", 30, "8",
                                    "Almost no demand from our target segments, and high regulatory cost", 1,
                                    "crypto", "crypto payments", "paying with Bitcoin",
                                    "we cannot accept crypto from our tech-savvy buyers",
                                    "we would look modern"),
                            f("CHK-TRACKING", "Order tracking link in the receipt",
                                    "Buyers contact support to ask where their parcel is.", 3500, "0.5", 80, "1",
                                    "IDEA", 3, "tracking", "order tracking",
                                    "a tracking link in the receipt e-mail",
                                    "buyers keep calling us to ask where their parcel is",
                                    "our support inbox would be quieter"))),
            new ProductIdea("INS", "Insights",
                    "Every product team sees what its customers do and decides with numbers, not opinions.",
                    List.of("Mid-market", "Enterprise"), PM_INSIGHTS,
                    List.of(new StageMove("DEVELOPMENT", "Design partners signed up", PM_INSIGHTS),
                            new StageMove("LAUNCHED", "Launched to all paying customers", PM_INSIGHTS)),
                    List.of(
                            f("INS-SCHEDULE", "Scheduled report e-mails",
                                    "Managers want the weekly numbers in their inbox without logging in.", 2400, "2",
                                    80, "3", "IN_DELIVERY", 9, "scheduled-reports", "weekly reports",
                                    "scheduled report e-mails",
                                    "someone on our team screenshots the dashboards every Monday by hand",
                                    "our managers would get the numbers every Monday automatically"),
                            f("INS-EXPORT", "CSV and Excel export",
                                    "Analysts copy numbers out of charts by hand.", 3000, "1", 90, "1", "PLANNED", 8,
                                    "export", "exporting data", "CSV and Excel export of every chart",
                                    "our analysts copy numbers out of the charts by hand",
                                    "our finance team could work with the data directly"),
                            f("INS-DASHBOARDS", "Custom dashboards",
                                    "Teams cannot arrange the charts they care about on one page.", 2200, "2", 60, "5",
                                    "CANDIDATE", 6, "dashboards", "dashboards",
                                    "custom dashboards per team",
                                    "every team has to scroll through charts they do not care about",
                                    "each team would see its own numbers first"),
                            f("INS-COHORTS", "Cohort analysis",
                                    "Retention cannot be compared between signup months.", 1200, "2", 50, "6",
                                    "CANDIDATE", 4, "cohorts", "cohort analysis", "cohort analysis by signup month",
                                    "we cannot tell whether retention is getting better",
                                    "we could prove that onboarding changes work"),
                            f("INS-ALERTS", "Slack alerts on metric changes",
                                    "Drops in key metrics are noticed days later.", 1600, "1", 50, "2", "IDEA", 4,
                                    "alerts", "alerts", "Slack alerts when a metric drops",
                                    "we noticed a drop in signups four days too late",
                                    "we would react the same hour"),
                            rejected("INS-DARK", "Dark mode", "Some users prefer a dark theme.", 3000, "0.25", 50,
                                    "2", "Nice to have, but no effect on our objectives this year", 2, "dark-mode",
                                    "the theme", "a dark mode", "the white screen is tiring at night",
                                    "late shifts would be easier on the eyes"),
                            f("INS-WAREHOUSE", "Data warehouse connector",
                                    "Enterprise data teams want the raw events in Snowflake or BigQuery.", 600, "3", 70,
                                    "4", "PLANNED", 5, "warehouse", "the data warehouse",
                                    "a Snowflake and BigQuery connector",
                                    "our data team rebuilds the same pipeline from the API every month",
                                    "our data team could join Insights with our own data"),
                            f("INS-FASTER", "Faster dashboard loading",
                                    "Large dashboards take over ten seconds to load.", 3000, "1", 80, "3",
                                    "CANDIDATE", 7, "performance", "dashboard loading",
                                    "faster loading of large dashboards",
                                    "big dashboards are terribly slow and sometimes time out",
                                    "the weekly review would not start with a spinner"),
                            f("INS-SHARE", "Shareable public links",
                                    "Dashboards cannot be shown to people without an account.", 900, "0.5", 60, "1",
                                    "IDEA", 2, "sharing", "sharing", "shareable read-only links",
                                    "we export screenshots to show numbers to our board",
                                    "our board could see live numbers"),
                            f("INS-NOTES", "Annotations on charts",
                                    "Nobody remembers why a metric jumped three months ago.", 800, "0.5", 50, "1",
                                    "IDEA", 2, "annotations", "chart annotations", "notes on charts",
                                    "nobody remembers why the numbers jumped in spring",
                                    "the story behind each spike would stay on the chart"))),
            new ProductIdea("MOB", "Mobile app",
                    "Buyers reorder and track their orders from their phone in under a minute.",
                    List.of("SMB", "Mid-market"), PM_MOBILE,
                    List.of(new StageMove("DEVELOPMENT", "Beta with 300 buyers approved", PM_MOBILE)),
                    List.of(
                            f("MOB-PUSH", "Push notifications",
                                    "Buyers miss delivery updates and back-in-stock news.", 6000, "1", 80, "2.5",
                                    "COMMITTED", 8, "push", "notifications", "push notifications for delivery updates",
                                    "buyers miss delivery updates because the app never tells them",
                                    "buyers would know the moment their order ships"),
                            f("MOB-OFFLINE", "Offline mode",
                                    "The app is unusable in warehouses with poor reception.", 1500, "2", 50, "6",
                                    "CANDIDATE", 5, "offline", "offline use", "an offline mode",
                                    "the app shows an error as soon as we walk into the warehouse",
                                    "our staff could prepare orders anywhere"),
                            f("MOB-BIOMETRIC", "Biometric login",
                                    "Typing passwords on a phone is slow and error-prone.", 5000, "0.5", 90, "1",
                                    "PLANNED", 5, "login", "logging in", "Face ID and fingerprint login",
                                    "typing the password on a phone is annoying",
                                    "opening the app would take a second"),
                            f("MOB-TABLET", "Tablet layout", "On tablets the app shows a stretched phone layout.",
                                    800, "0.5", 60, "3", "IDEA", 2, "tablet", "the tablet layout",
                                    "a proper tablet layout", "the app looks stretched and clunky on our iPads",
                                    "our shop staff could use the iPads at the counter"),
                            f("MOB-WIDGETS", "Home screen widgets",
                                    "Buyers want order status at a glance.", 2000, "0.25", 50, "2", "IDEA", 1,
                                    "widgets", "widgets", "a home screen widget with order status",
                                    "we open the app ten times a day just to check one status",
                                    "the status would be one glance away"),
                            f("MOB-CHAT", "In-app chat with support",
                                    "Buyers switch to e-mail to ask about an order.", 2500, "1", 60, "4", "CANDIDATE",
                                    4, "chat", "support contact", "chat with support inside the app",
                                    "we have to leave the app and write an e-mail for every question",
                                    "questions would be answered in minutes"),
                            rejected("MOB-WATCH", "Smartwatch app", "A few buyers asked for a watch app.", 300,
                                    "0.25", 30, "5", "Too few watch users among our buyers", 1, "watch",
                                    "smartwatches", "a smartwatch app", "we cannot see orders on the watch",
                                    "we could check orders on the wrist"))));

    static FeatureIdea feature(String ref) {
        for (ProductIdea p : PRODUCTS) {
            for (FeatureIdea f : p.features()) {
                if (f.ref().equals(ref)) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("no feature " + ref);
    }

    // ------------------------------------------------------------------------------------------------ people

    static final List<String> COMPANY_FIRST = List.of("Alder", "Birchwood", "Cedar", "Delta", "Ember", "Fjord",
            "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer",
            "Quarry", "Riverside", "Summit", "Tidewater", "Upland", "Vista", "Willow", "Yarrow", "Zephyr", "Beacon",
            "Copper", "Driftwood", "Evergreen", "Foxglove");

    static final List<String> COMPANY_SECOND = List.of("Retail", "Logistics", "Foods", "Outfitters", "Health",
            "Analytics", "Travel", "Books", "Home", "Sports", "Labs", "Pharmacy", "Garden", "Media", "Supplies",
            "Energy", "Apparel", "Coffee", "Bikes", "Electronics");

    static final List<String> OWNERS = List.of(PM_CHECKOUT, PM_INSIGHTS, PM_MOBILE, "eli.support@example.com",
            "fatima.sales@example.com");

    static final List<String> TIME_NOTES = List.of("Implementation", "Code review and fixes", "Pairing session",
            "Tests", "Design review", "Bug fixing", "Refactoring after review", "Spike", "Documentation");

    // ------------------------------------------------------------------------------------------------ channels

    static final List<String> SOURCES = List.of("SUPPORT", "SURVEY", "INTERVIEW", "SALES", "IN_APP", "SOCIAL",
            "OTHER");

    /** How common each channel is: support tickets and in-app feedback most, e-mails least. */
    static final List<String> SOURCE_WEIGHTS = weights("SUPPORT", 30, "IN_APP", 20, "SURVEY", 12, "SALES", 12,
            "SOCIAL", 12, "INTERVIEW", 8, "OTHER", 6);

    private static List<String> weights(Object... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (int n = 0; n < (Integer) pairs[i + 1]; n++) {
                out.add((String) pairs[i]);
            }
        }
        return List.copyOf(out);
    }

    static String externalReference(String source, int number) {
        return switch (source) {
            case "SUPPORT" -> "ZD-" + (48_000 + number);
            case "SURVEY" -> "TF-" + (7_000 + number);
            case "INTERVIEW" -> "INT-" + (100 + number);
            case "SALES" -> "SF-OPP-" + (2_000 + number);
            case "IN_APP" -> "APP-" + (90_000 + number);
            case "SOCIAL" -> "SOC-" + (5_000 + number);
            default -> "MAIL-" + (300 + number);
        };
    }

    /** The channel's way of writing it down. */
    static String styled(String source, String segment, String text, Random random) {
        return switch (source) {
            case "INTERVIEW" -> "Interview notes (" + segment + " customer): " + text;
            case "SALES" -> pick(random, List.of("From the renewal call: ", "Prospect feedback after the demo: ",
                    "Account review: ")) + text;
            case "SURVEY" -> "Survey answer: " + text;
            case "OTHER" -> "E-mail to our account manager: " + text;
            case "SOCIAL" -> text.length() > 270 ? text.substring(0, 270) + "…" : text;
            default -> text;
        };
    }

    static String socialTitle(String title) {
        return "Post: " + title;
    }

    // ------------------------------------------------------------------------------------------------ texts

    static Text aboutFeature(String product, FeatureIdea f, String sentiment, Random random) {
        String area = f.area();
        String ask = f.ask();
        String pain = f.pain();
        String benefit = f.benefit();
        List<Text> options = switch (sentiment) {
            case "negative" -> List.of(
                    new Text(cap(area) + " is painful",
                            cap(pain) + ". It is frustrating and costs us time. Please add " + ask + ".", f.tag()),
                    new Text("Frustrated with " + area,
                            "Honestly, " + pain + ", and the team is annoyed. We really need " + ask + ".", f.tag()),
                    new Text("Still no " + shortAsk(ask) + "?",
                            "We asked for " + ask + " months ago. " + cap(pain) + ". This is a problem for us.",
                            f.tag()),
                    new Text("Losing orders over " + area,
                            cap(pain) + ", and we lose orders because of it. Without " + ask
                                    + " we will look at other tools.", f.tag()),
                    new Text(cap(product) + ": " + area + " is broken for us",
                            "Our biggest complaint: " + pain + ". It is confusing for new staff too.", f.tag()));
            case "positive" -> List.of(
                    new Text("Great product, one wish",
                            "We love " + product + " and the team uses it daily. With " + ask + ", " + benefit + ".",
                            f.tag()),
                    new Text("Happy customer, idea for " + area,
                            product + " works smoothly for us. It would be perfect with " + ask + ".", f.tag()),
                    new Text("Thanks for the quick help",
                            "Support was helpful as always. Our only wish is " + ask + "; " + benefit + ".",
                            f.tag()));
            default -> List.of(
                    new Text("Question about " + area,
                            "Is " + ask + " on the roadmap? If it were, " + benefit + ".", f.tag()),
                    new Text("Request: " + shortAsk(ask),
                            "Our admins asked for " + ask + ". Today " + pain + ".", f.tag()),
                    new Text("Feature request from our " + pick(random, List.of("ops", "finance", "IT", "sales"))
                            + " team", "They would like " + ask + " so that " + benefit + ".", f.tag()));
        };
        return pick(random, options);
    }

    static Text general(String productKey, String product, String sentiment, Random random) {
        List<Text> options = switch (sentiment) {
            case "negative" -> switch (productKey) {
                case "CHK" -> List.of(
                        new Text("Payment failed twice", "The payment step crashed twice today with a generic error. "
                                + "Our buyers are annoyed and we had to take orders by phone.", "bug"),
                        new Text("3-D Secure loop", "Some buyers are stuck in a 3-D Secure loop and cannot finish "
                                + "paying. Very frustrating on a Monday morning.", "bug"),
                        new Text("Confusing error message", "When a card is declined the message is confusing and "
                                + "buyers think the shop is broken.", "ux"));
                case "INS" -> List.of(
                        new Text("Numbers do not match", "The revenue chart does not match our own reports. We lost "
                                + "trust in the numbers and our board noticed.", "data-quality"),
                        new Text("Dashboard crashed", "The funnel dashboard crashed during our weekly review, "
                                + "again. Embarrassing in front of the leadership team.", "bug"),
                        new Text("Too complicated", "The filter panel is confusing; new analysts need an hour to "
                                + "build a simple chart.", "ux"));
                default -> List.of(
                        new Text("App crashes on start", "The beta crashes on start on older Android phones. "
                                + "Our staff gave up and went back to the website.", "bug"),
                        new Text("Login keeps expiring", "The app logs us out every day, which is annoying when you "
                                + "only want to check one order.", "login"),
                        new Text("Battery drain", "Since the last beta the app drains the battery fast.", "bug"));
            };
            case "positive" -> List.of(
                    new Text("Great work on " + product, product + " has been reliable for months and the latest "
                            + "release feels fast. Great work.", "praise"),
                    new Text("Smooth onboarding", "Onboarding our team was easy and smooth; everyone was productive "
                            + "on day one.", "praise"),
                    new Text("Support was excellent", "Your support team was helpful and fast. Thank you!",
                            "praise"));
            default -> List.of(
                    new Text("Pricing question", "How does the pricing change if we add two more locations next "
                            + "year?", "pricing"),
                    new Text("Where is the API documentation?", "Our developers are looking for the API "
                            + "documentation of " + product + ". Is there a sandbox?", "api"),
                    new Text("Training for new staff", "Do you offer training sessions for new staff in January?",
                            "onboarding"));
        };
        return pick(random, options);
    }

    static String voteComment(FeatureIdea f, Random random) {
        return pick(random, List.of(
                "We need " + f.ask() + " before our peak season.",
                "+1 from our whole team: " + f.benefit() + ".",
                "Today " + f.pain() + ". Please prioritise this.",
                "This would make " + f.area() + " so much better for us."));
    }

    static List<CommentSpec> discussion(FeatureIdea f, int length, Random random) {
        List<CommentSpec> all = List.of(
                new CommentSpec("eli.support@example.com", "SUPPORT",
                        "We hear this every week in support: " + f.pain() + ". Linking more tickets to it."),
                new CommentSpec("fatima.sales@example.com", "SALES",
                        "Two renewals this quarter mention " + f.area() + ". The customers would sign longer with "
                                + f.ask() + "."),
                new CommentSpec(owner(f), "PRODUCT",
                        "Thanks, this is on our radar as \"" + f.title() + "\". Demand from this account is now "
                                + "counted in the backlog ranking."),
                new CommentSpec("bo.eng@example.com", "ENGINEERING",
                        "Rough estimate from engineering: " + f.effort() + " person-months. The main risk is "
                                + pick(random, List.of("the migration of existing data",
                                        "the third-party API limits", "testing on older devices",
                                        "the load on the payment provider")) + "."),
                new CommentSpec("dara.design@example.com", "DESIGN",
                        "I sketched a first flow for " + f.area() + "; happy to test it with this customer."),
                new CommentSpec("priya.pjm@example.com", "PROJECT",
                        "If it is committed this quarter we can staff it from the next sprint."),
                new CommentSpec("gus.marketing@example.com", "MARKETING",
                        "Good story for the launch newsletter once it ships: " + f.benefit() + "."));
        List<CommentSpec> out = new ArrayList<>();
        out.add(all.get(random.nextInt(2))); // support or sales brings it in
        out.add(all.get(2)); // product answers
        List<CommentSpec> rest = new ArrayList<>(all.subList(3, all.size()));
        java.util.Collections.shuffle(rest, random);
        out.addAll(rest.subList(0, Math.max(0, Math.min(rest.size(), length - 2))));
        return out;
    }

    private static String owner(FeatureIdea f) {
        return f.ref().startsWith("CHK") ? PM_CHECKOUT : f.ref().startsWith("INS") ? PM_INSIGHTS : PM_MOBILE;
    }

    static String npsComment(String product, int score, Random random) {
        if (score >= 9) {
            return pick(random, List.of(product + " is reliable and the team loves it.",
                    "Great support and a product that simply works.",
                    "Easy to use, fast, and it keeps getting better."));
        }
        if (score >= 7) {
            return pick(random, List.of("Good overall, but some reports are slow.",
                    "Solid product; the pricing could be clearer.",
                    "Works well, we are waiting for a few features."));
        }
        return pick(random, List.of("Too many small bugs lately, and support answers slowly.",
                "Missing features we asked for months ago; frustrating.",
                "Confusing for new staff and the exports are painful."));
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String shortAsk(String ask) {
        return ask.replaceFirst("^(a|an|the) ", "");
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
