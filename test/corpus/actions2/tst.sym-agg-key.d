#pragma D option quiet
fbt::zsd_apply_all_zones:entry { @[func(arg0)] = count(); }
