#pragma D option quiet
BEGIN { @s = sum(4611686018427387904); @s = sum(4611686018427387903); exit(0); }
