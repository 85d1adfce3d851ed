package org.agora.council;

import org.agora.testing.TestDatabase;

class MeetingReadingOnH2Test extends MeetingReadingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
