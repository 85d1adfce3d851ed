package org.agora.council;

import org.agora.testing.TestDatabase;

class MeetingReadingOnPostgresTest extends MeetingReadingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
