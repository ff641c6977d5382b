package jp.twozeroseven.infra.loadtest;

/**
 * Hands the step to run to {@link CapacitySimulation}: Gatling instantiates simulations itself, by class name and
 * without arguments, so the probe and the simulation meet here. One step runs at a time.
 */
final class ActiveStep {

    private static volatile LoadStep step;
    private static volatile StepRecorder recorder;

    private ActiveStep() {
    }

    static void prepare(LoadStep next) {
        step = next;
        recorder = null;
    }

    static LoadStep step() {
        LoadStep current = step;
        if (current == null) {
            throw new IllegalStateException("CapacitySimulation runs only through CapacityProbe, which sets its step");
        }
        return current;
    }

    /** Called as Gatling starts the run: the measured part begins once the ramp is over. */
    static void startRecording() {
        LoadStep current = step();
        recorder = new StepRecorder(current.rampSeconds() * 1_000_000_000L, current.holdSeconds() * 1_000_000_000L);
    }

    static StepRecorder recorder() {
        StepRecorder current = recorder;
        if (current == null) {
            throw new IllegalStateException("the step has not started");
        }
        return current;
    }
}
