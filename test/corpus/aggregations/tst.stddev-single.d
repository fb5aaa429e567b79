#pragma D option quiet
BEGIN { @sd = stddev(1000); exit(0); }
