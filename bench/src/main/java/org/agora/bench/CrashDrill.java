package org.agora.bench;

final class CrashDrill {

    private final FaultDrills d;

    CrashDrill(FaultDrills drills) {
        this.d = drills;
    }

    void run() throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
