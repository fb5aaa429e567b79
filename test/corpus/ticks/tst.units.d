#pragma D option quiet
tick-1sec { @["1sec"] = count(); }
tick-500msec { @["500msec"] = count(); }
tick-250000us { @["250000us"] = count(); }
tick-2100ms { exit(0); }
