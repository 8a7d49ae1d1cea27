package dev.handoff.web.faces.admin;

import dev.handoff.escalation.boundary.SuiteService;
import dev.handoff.escalation.boundary.SuiteView;
import dev.handoff.escalation.boundary.ThresholdCalibration;
import dev.handoff.escalation.control.ThresholdCurve;
import dev.handoff.web.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.ItemSelectEvent;

/**
 * Backs the calibration panel of admin/triggers.xhtml: a semantic trigger's threshold curve over
 * the suites the admin ticks (the publishing gate's suites to begin with), the suggested threshold
 * for a target catch rate, and picking a threshold (a point of the chart or the list) to set as the
 * trigger's {@code minScore} in the draft. Scores and rates are the admin's view only.
 */
@Named
@ViewScoped
public class CalibrationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ThresholdCalibration calibration;

    @Inject
    SuiteService suites;

    @Inject
    TriggersBacking page;

    private String trigger;
    private List<String> chosenSuites = new ArrayList<>();
    private double targetPercent = 95;
    private Double picked;
    private transient ThresholdCalibration.Calibration result;
    private transient List<SuiteView> suiteList;

    /** Opens the panel on a trigger with the gate's suites ticked, and draws the curve. */
    public void open(String triggerName) {
        trigger = triggerName;
        suiteList = null;
        chosenSuites = new ArrayList<>(getSuiteList().stream().filter(SuiteView::gate).map(SuiteView::name).toList());
        if (chosenSuites.isEmpty()) {
            chosenSuites.add(SuiteService.SHIPPED);
        }
        compute();
    }

    public void compute() {
        if (trigger == null) {
            return;
        }
        result = Messages.attempt(() -> calibration.curve(trigger, chosenSuites, targetPercent / 100));
        if (result != null) {
            ThresholdCurve curve = result.curve();
            picked = curve.suggested() != null ? curve.suggested() : nearest(curve.current());
        }
    }

    /** A click on a point of the chart picks that point's threshold; a click on a marker line, the marked one. */
    public void onPoint(ItemSelectEvent event) {
        if (result == null) {
            return;
        }
        ThresholdCurve curve = result.curve();
        switch (event.getDataSetIndex()) {
            case CurveChart.CATCH, CurveChart.FALSE_POSITIVES -> {
                int i = event.getItemIndex();
                if (i >= 0 && i < curve.points().size()) {
                    picked = curve.points().get(i).threshold();
                }
            }
            case CurveChart.CURRENT -> picked = nearest(curve.current());
            case CurveChart.SUGGESTED -> picked = curve.suggested() != null ? curve.suggested() : picked;
            default -> { }
        }
    }

    /** Sets the picked threshold as the trigger's minScore in the draft. */
    public void useThreshold() {
        if (result == null || picked == null) {
            Messages.error("Pick a threshold first: click a point of the chart or choose one from the list.");
            return;
        }
        double chosen = picked;
        if (Messages.attempt(() -> calibration.useThreshold(trigger, chosen, user())) != null) {
            ThresholdCurve c = result.curve();
            result = new ThresholdCalibration.Calibration(new ThresholdCurve(c.trigger(), c.points(), c.suggested(), c.target(), chosen),
                    result.suites(), result.cases(), result.escalate(), result.stay(), result.millis());
            Messages.info("The threshold of '" + trigger + "' is now " + CurveChart.two(chosen) + " in the draft.");
            page.load();
        }
    }

    public void close() {
        trigger = null;
        result = null;
        picked = null;
    }

    /** The curve's point nearest a threshold (the current threshold may lie between two points). */
    private Double nearest(double threshold) {
        if (result == null) {
            return null;
        }
        return result.curve().points().stream().map(ThresholdCurve.Point::threshold)
                .min((a, b) -> Double.compare(Math.abs(a - threshold), Math.abs(b - threshold))).orElse(null);
    }

    public ThresholdCurve.Point getPickedPoint() {
        if (result == null || picked == null) {
            return null;
        }
        return result.curve().points().stream().filter(p -> Math.abs(p.threshold() - picked) < 0.001).findFirst().orElse(null);
    }

    public String getChartJson() {
        return result == null ? "{}" : CurveChart.json(result.curve(), picked);
    }

    /** "0.45 · caught 96.3% · false 1.2% · suggested". */
    public String pointLabel(ThresholdCurve.Point p) {
        ThresholdCurve c = result.curve();
        String mark = c.suggested() != null && Math.abs(c.suggested() - p.threshold()) < 0.001 ? " · suggested"
                : Math.abs(c.current() - p.threshold()) < 0.001 ? " · current" : "";
        return CurveChart.two(p.threshold()) + " · caught " + CurveChart.percent(p.catchRate()) + " · false "
                + CurveChart.percent(p.falsePositiveRate()) + mark;
    }

    public String getSuitesText() {
        return result == null ? "" : String.join(", ", result.suites());
    }

    public String suiteLabel(SuiteView s) {
        return s.name() + " (" + s.cases() + " cases" + (s.gate() ? ", gate" : "") + ")";
    }

    public String two(double value) {
        return CurveChart.two(value);
    }

    public String percent(double share) {
        return CurveChart.percent(share);
    }

    public String getTargetText() {
        return String.format(Locale.ROOT, "%.0f%%", targetPercent);
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public List<SuiteView> getSuiteList() {
        if (suiteList == null) {
            suiteList = suites.list();
        }
        return suiteList;
    }

    public boolean isOpen() {
        return trigger != null;
    }

    public String getTrigger() {
        return trigger;
    }

    public ThresholdCalibration.Calibration getResult() {
        return result;
    }

    public List<String> getChosenSuites() {
        return chosenSuites;
    }

    public void setChosenSuites(List<String> chosenSuites) {
        this.chosenSuites = chosenSuites == null ? new ArrayList<>() : new ArrayList<>(chosenSuites);
    }

    public double getTargetPercent() {
        return targetPercent;
    }

    public void setTargetPercent(double targetPercent) {
        this.targetPercent = targetPercent;
    }

    public Double getPicked() {
        return picked;
    }

    public void setPicked(Double picked) {
        this.picked = picked;
    }
}
