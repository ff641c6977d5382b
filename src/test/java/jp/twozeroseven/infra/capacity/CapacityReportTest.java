package jp.twozeroseven.infra.capacity;

import jp.twozeroseven.infra.settings.StackFixture;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReportTest {

    @TempDir
    Path temp;

    @Test
    void writesAChartPerServiceAndCostMd() throws Exception {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));

        List<Path> files = CapacityReport.write(prod, temp.resolve("report"));

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("capacity-api.png", "capacity-web.png", "cost.md");
        for (Path chart : files.subList(0, 2)) {
            assertThat(Files.size(chart)).isPositive();
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart + " is a PNG that ImageIO reads").isNotNull();
            assertThat(image.getWidth()).isEqualTo(CapacityChart.WIDTH);
            assertThat(image.getHeight()).isEqualTo(CapacityChart.HEIGHT);
        }
        String md = Files.readString(files.get(2));
        assertThat(md).contains("dated **" + PriceTable.forRegion("ap-northeast-1").date() + "**")
                .contains("| api | 1 vCPU, 2 GB, arm64 |")
                .contains("| NAT gateways | 3 × ")
                .contains("| VPC interface endpoints | 4 services × 3 AZ")
                .contains("| api | early-morning-write-peak | 05:00-10:00 | 200 | 9 | 14 | derived: 40 rps/task × 0.6")
                .contains("| web | night-floor | 19:00-05:00 |  | 2 | 3 | hand-typed |")
                .contains("**Saving: at least ");
    }

    @Test
    void theChartDrawsTheDerivedLoadOnASecondAxis() throws Exception {
        StackSettings prod = StackSettingsParser.parse(StackFixture.read("prod"));
        DailyPlan api = DailyPlan.of(prod.services().get(0));
        DailyPlan web = DailyPlan.of(prod.services().get(1));
        assertThat(CapacityChart.chart(api, "prod").getXYPlot().getDatasetCount()).isEqualTo(2);
        assertThat(CapacityChart.chart(web, "prod").getXYPlot().getDataset(1)).isNull();
        // The min series steps exactly at window boundaries: 04:45 is night (2), 05:00 is the morning peak (9).
        var minSeries = ((org.jfree.data.xy.XYSeriesCollection) CapacityChart.chart(api, "prod").getXYPlot()
                .getDataset(0)).getSeries("min tasks");
        assertThat(minSeries.getY(minSeries.indexOf(4.75)).intValue()).isEqualTo(2);
        assertThat(minSeries.getY(minSeries.indexOf(5.0)).intValue()).isEqualTo(9);
    }
}
