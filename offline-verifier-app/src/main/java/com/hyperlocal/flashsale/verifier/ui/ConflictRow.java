package com.hyperlocal.flashsale.verifier.ui;

import com.hyperlocal.flashsale.verifier.record.Revocation;
import com.hyperlocal.flashsale.verifier.record.ScanRecord;
import org.jspecify.annotations.Nullable;

/** A scan the server reported as a problem, with the voucher's revocation when it has one. */
record ConflictRow(ScanRecord scan, @Nullable Revocation revocation) {}
