#pragma D option quiet
BEGIN { this->a = 3; }
BEGIN { this->b = this->a * 2; }
BEGIN { printf("%d %d\n", this->a, this->b); exit(0); }
