package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.CapacityWindow;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Draws one service's 24-hour plan: min and max tasks per Tokyo hour, and the expected load where it is known. */
public final class CapacityChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final int SAMPLE_MINUTES = 15;

    private CapacityChart() {
    }

    /** The chart as PNG bytes; a pure function of the plan. */
    public static byte[] png(DailyPlan plan, String stack) {
        // Servers and CI have no display; charts only need AWT's off-screen drawing.
        System.setProperty("java.awt.headless", "true");
        JFreeChart chart = chart(plan, stack);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JFreeChart chart(DailyPlan plan, String stack) {
        XYSeries min = new XYSeries("min tasks");
        XYSeries max = new XYSeries("max tasks");
        XYSeries load = new XYSeries("expected peak rps");
        boolean anyLoad = false;
        for (int minute = 0; minute <= DailyPlan.MINUTES_PER_DAY; minute += SAMPLE_MINUTES) {
            CapacityWindow w = plan.windowAtMinute(minute % DailyPlan.MINUTES_PER_DAY);
            double hour = minute / 60.0;
            min.add(hour, w.min());
            max.add(hour, w.max());
            // A null y leaves a gap for hand-typed windows, whose load is unknown.
            load.add(hour, w.expectedPeakRps().isPresent() ? (Double) w.expectedPeakRps().getAsDouble() : null);
            anyLoad |= w.isDerived();
        }
        XYSeriesCollection tasks = new XYSeriesCollection();
        tasks.addSeries(max);
        tasks.addSeries(min);

        NumberAxis hours = new NumberAxis("hour of day, Asia/Tokyo");
        hours.setRange(0, 24);
        hours.setTickUnit(new NumberTickUnit(2));
        NumberAxis taskAxis = new NumberAxis("tasks");
        taskAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        taskAxis.setRange(0, Math.max(2, plan.peakTasks() * 1.15));
        XYStepRenderer taskRenderer = new XYStepRenderer();
        taskRenderer.setSeriesPaint(0, new Color(0xC0392B));
        taskRenderer.setSeriesPaint(1, new Color(0x2471A3));
        taskRenderer.setSeriesStroke(0, new BasicStroke(2.5f));
        taskRenderer.setSeriesStroke(1, new BasicStroke(2.5f));
        XYPlot plot = new XYPlot(tasks, hours, taskAxis, taskRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        if (anyLoad) {
            NumberAxis rpsAxis = new NumberAxis("requests per second");
            rpsAxis.setAutoRangeIncludesZero(true);
            XYStepRenderer loadRenderer = new XYStepRenderer();
            loadRenderer.setSeriesPaint(0, new Color(0x7F8C8D));
            loadRenderer.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{6f, 4f}, 0f));
            plot.setRangeAxis(1, rpsAxis);
            plot.setDataset(1, new XYSeriesCollection(load));
            plot.mapDatasetToRangeAxis(1, 1);
            plot.setRenderer(1, loadRenderer);
        }
        JFreeChart chart = new JFreeChart(stack + " / " + plan.service() + ": scheduled capacity",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
