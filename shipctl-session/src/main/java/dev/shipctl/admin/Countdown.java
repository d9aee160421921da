package dev.shipctl.admin;

import dev.shipctl.ShipException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A restart countdown: announcements at set times before zero ("Restart in 10 minutes", "… 5 minutes", "… 1 minute"),
 * from a text template in which {@code {remaining}} is the time left as people write it ({@link #spoken}).
 *
 * <p>A countdown is a schedule: {@link #every} (10 minutes, every 5: at 10 and 5 minutes left) or {@link #at} (at 10
 * minutes, 5, 1 and 30 seconds left). {@link #run} sends its announcements in order through one {@link Announcer}
 * (one login for all of them: the session stays in its lobby and answers pings between them), waiting on a
 * {@link CountdownClock}, and returns at zero, when the caller does what the countdown announced. A missed
 * announcement (no broadcast came back) stops it, unless {@link #keepGoing}. Interrupting the thread that runs it
 * cancels it: the {@link #cancelText} is announced, if any, and {@link Result#cancelled()} says so.
 *
 * <pre>{@code
 * Countdown c = Countdown.every(Duration.ofMinutes(10), Duration.ofMinutes(5), "Restart in {remaining}")
 *         .cancelText("Restart cancelled");
 * c.check(admin);
 * Countdown.Result r = c.run(text -> admin.announce(text, false, Admin.DEFAULT_WAIT), CountdownClock.system(),
 *         new Countdown.Listener() {});
 * if (r.reachedZero()) admin.dcall(Admin.DEFAULT_WAIT);
 * }</pre>
 */
public final class Countdown {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** The placeholder of the time left. */
    public static final String REMAINING = "{remaining}";

    private final Duration total;
    private final List<Duration> marks;
    private final String template;
    private final boolean keepGoing;
    private final Optional<String> cancelText;

    private Countdown(Duration total, List<Duration> marks, String template, boolean keepGoing, Optional<String> cancelText) {
        this.total = total;
        this.marks = List.copyOf(marks);
        this.template = template;
        this.keepGoing = keepGoing;
        this.cancelText = cancelText;
    }

    /**
     * Announcements at {@code total} left, then every {@code every} while time is left: 10 minutes every 5 announces
     * at 10 and 5 minutes; 10 minutes every 3 at 10, 7, 4 and 1.
     *
     * @throws IllegalArgumentException a duration is not positive, {@code every} is longer than {@code total}, or the
     *     template has a placeholder other than {@code {remaining}}
     */
    public static Countdown every(Duration total, Duration every, String template) {
        positive(total, "the countdown");
        positive(every, "the interval");
        if (every.compareTo(total) > 0) {
            throw new IllegalArgumentException("the interval (" + spoken(every) + ") is longer than the countdown (" + spoken(total) + ")");
        }
        List<Duration> marks = new ArrayList<>();
        for (Duration left = total; left.isPositive(); left = left.minus(every)) marks.add(left);
        return new Countdown(total, marks, checkTemplate(template), false, Optional.empty());
    }

    /**
     * Announcements at these times left (in any order; duplicates count once), zero at {@code total} from the start,
     * or, when {@code total} is null, at the longest of them (the first announcement is then at the start).
     *
     * @throws IllegalArgumentException no time, a time not positive or longer than {@code total}, or a template with
     *     a placeholder other than {@code {remaining}}
     */
    public static Countdown at(Duration total, List<Duration> marks, String template) {
        if (marks.isEmpty()) throw new IllegalArgumentException("no time to announce at");
        TreeSet<Duration> sorted = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Duration m : marks) sorted.add(positive(m, "a time to announce at"));
        Duration end = total != null ? positive(total, "the countdown") : sorted.first();
        if (sorted.first().compareTo(end) > 0) {
            throw new IllegalArgumentException("an announcement at " + spoken(sorted.first()) + " left is before the countdown ("
                    + spoken(end) + ") starts");
        }
        return new Countdown(end, new ArrayList<>(sorted), checkTemplate(template), false, Optional.empty());
    }

    /** This countdown, going on after a missed announcement instead of stopping. */
    public Countdown keepGoing(boolean keepGoing) {
        return new Countdown(total, marks, template, keepGoing, cancelText);
    }

    /** This countdown, announcing {@code text} when cancelled ({@code {remaining}} is the time that was left). */
    public Countdown cancelText(String text) {
        return new Countdown(total, marks, template, keepGoing, Optional.of(checkTemplate(Objects.requireNonNull(text))));
    }

    /** From the start to zero. */
    public Duration total() {
        return total;
    }

    /** The announcements, in the order they are sent. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Duration left = marks.get(i);
            steps.add(new Step(i + 1, marks.size(), left, total.minus(left), render(template, left)));
        }
        return steps;
    }

    /**
     * Checks every text this countdown can send (the announcements and the cancel text) with
     * {@link Admin#checkAnnouncement}, before anything is sent.
     *
     * @throws IllegalArgumentException the first text that cannot be carried, and why
     */
    public void check(Admin admin) {
        for (Step s : steps()) checked(admin, s.text());
        cancelText.ifPresent(t -> checked(admin, render(t, total)));
    }

    private static void checked(Admin admin, String text) {
        try {
            admin.checkAnnouncement(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": \"" + text + "\"", e);
        }
    }

    /**
     * Runs the countdown: each announcement at its time, measured from now on {@code clock}, then a wait until zero.
     * Never throws for a missed announcement or a cancel: the result says what happened. A cancel is an interrupt
     * of the calling thread; the interrupt is consumed (the cancel text is sent after it) and reported as
     * {@link Result#cancelled()}.
     */
    public Result run(Announcer announcer, CountdownClock clock, Listener listener) {
        Instant start = clock.now();
        Instant zero = start.plus(total);
        List<AdminResult> announced = new ArrayList<>();
        List<Missed> missed = new ArrayList<>();
        List<Step> steps = steps();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                clock.sleepUntil(start.plus(step.offset()));
                Optional<Step> next = i + 1 < steps.size() ? Optional.of(steps.get(i + 1)) : Optional.empty();
                try {
                    AdminResult r = announcer.announce(step.text());
                    announced.add(r);
                    listener.announced(step, r, clock.now(), next, zero);
                } catch (ShipException e) {
                    missed.add(new Missed(step, e));
                    listener.missed(step, e, !keepGoing);
                    if (!keepGoing) return new Result(start, announced, missed, false, false, Optional.empty());
                }
            }
            clock.sleepUntil(zero);
            return new Result(start, announced, missed, false, true, Optional.empty());
        } catch (InterruptedException e) {
            Thread.interrupted();
            Duration remaining = Duration.between(clock.now(), zero);
            Optional<CancelAnnouncement> cancel = cancelText.map(t -> cancel(announcer, render(t, remaining.isNegative() ? Duration.ZERO : remaining)));
            listener.cancelled(remaining, cancel);
            return new Result(start, announced, missed, true, false, cancel);
        }
    }

    private static CancelAnnouncement cancel(Announcer announcer, String text) {
        try {
            return new CancelAnnouncement(text, Optional.of(announcer.announce(text)), Optional.empty());
        } catch (ShipException e) {
            return new CancelAnnouncement(text, Optional.empty(), Optional.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a second interrupt: give up the cancel text
            return new CancelAnnouncement(text, Optional.empty(), Optional.of(new ShipException.NoReply("interrupted again while announcing the cancel")));
        }
    }

    /**
     * The time left as people write it, in whole seconds: "10 minutes", "1 minute 30 seconds", "30 seconds",
     * "1 hour 5 minutes", "2 days".
     */
    public static String spoken(Duration d) {
        long s = d.plusMillis(500).toSeconds();
        if (s <= 0) return "0 seconds";
        List<String> parts = new ArrayList<>();
        part(parts, s / 86_400, "day");
        part(parts, s % 86_400 / 3600, "hour");
        part(parts, s % 3600 / 60, "minute");
        part(parts, s % 60, "second");
        return String.join(" ", parts);
    }

    private static void part(List<String> parts, long n, String unit) {
        if (n > 0) parts.add(n + " " + unit + (n == 1 ? "" : "s"));
    }

    /** {@code template} with every {@code {remaining}} replaced by {@link #spoken}{@code (remaining)}. */
    public static String render(String template, Duration remaining) {
        return checkTemplate(template).replace(REMAINING, spoken(remaining));
    }

    private static String checkTemplate(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group().equals(REMAINING)) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " in \"" + template
                        + "\"; the one placeholder is " + REMAINING);
            }
        }
        return template;
    }

    private static Duration positive(Duration d, String what) {
        if (!d.isPositive()) throw new IllegalArgumentException(what + " must be longer than zero");
        return d;
    }

    /**
     * One announcement of the countdown.
     *
     * @param number 1 for the first
     * @param of how many there are
     * @param remaining the time left to zero when it is sent
     * @param offset when it is sent, from the start
     * @param text the template rendered
     */
    public record Step(int number, int of, Duration remaining, Duration offset, String text) {}

    /** Sends one announcement and confirms it (usually {@code text -> admin.announce(text, false, wait)}). */
    @FunctionalInterface
    public interface Announcer {
        AdminResult announce(String text) throws ShipException, InterruptedException;
    }

    /** Hears a countdown's progress, on the thread that runs it. */
    public interface Listener {
        /** {@code step} was announced and confirmed at {@code at}; {@code next} comes next, zero is at {@code zero}. */
        default void announced(Step step, AdminResult result, Instant at, Optional<Step> next, Instant zero) {}

        /** {@code step} was not confirmed; the countdown stops if {@code stopping}. */
        default void missed(Step step, ShipException error, boolean stopping) {}

        /** Cancelled with {@code remaining} left; the cancel text, if one was set, and how it went. */
        default void cancelled(Duration remaining, Optional<CancelAnnouncement> cancel) {}
    }

    /** An announcement that was not confirmed, and why. */
    public record Missed(Step step, ShipException error) {}

    /** The cancel text as sent, and its result or its error. */
    public record CancelAnnouncement(String text, Optional<AdminResult> result, Optional<ShipException> error) {}

    /**
     * How a countdown ended.
     *
     * @param started when it started, on its clock
     * @param announced the confirmed announcements, in order
     * @param missed the announcements that were not confirmed
     * @param cancelled whether it was cancelled (interrupted)
     * @param reachedZero whether it ran to zero (not stopped by a miss, not cancelled)
     * @param cancel the cancel text, if one was set and it was cancelled
     */
    public record Result(Instant started, List<AdminResult> announced, List<Missed> missed, boolean cancelled, boolean reachedZero,
                         Optional<CancelAnnouncement> cancel) {
        public Result {
            announced = List.copyOf(announced);
            missed = List.copyOf(missed);
        }
    }
}
