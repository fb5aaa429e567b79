#pragma D option quiet
BEGIN { this->s = "clause-local"; printf("%s\n", this->s); exit(0); }
