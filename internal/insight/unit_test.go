package insight

import "math"

// unit scales vec to length one.
func unit(vec map[int32]float64) {
	var norm float64
	for _, w := range vec {
		norm += w * w
	}
	if norm == 0 {
		return
	}
	norm = math.Sqrt(norm)
	for s := range vec {
		vec[s] /= norm
	}
}
