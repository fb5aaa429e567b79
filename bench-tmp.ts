import bench from '/work/main/bench/core.ts';
await bench((r) => console.log(r.name.padEnd(40), r.value.toFixed(3), r.unit, r.note ?? ''));
