#include <cstdio>
int main() { std::puts("mcastlab"); return 0; }
