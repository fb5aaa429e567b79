BEGIN { @c = count(); }
BEGIN { trace("done"); exit(0); }
