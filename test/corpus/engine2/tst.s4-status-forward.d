#pragma D option quiet
int bad;
zone:::status /args[2] <= args[1]/ { bad++; }
zone:::status /args[2] == 9/ { @dead[args[0]->zone_name] = count(); }
END { printf("%d\n", bad); printa("%s dead %@d\n", @dead); }
