/* With bufresize=manual an oversized buffer is not lowered: tracing is refused. */
#pragma D option quiet
#pragma D option bufresize=manual
#pragma D option specsize=1t
BEGIN { exit(0); }
