package gojq_test

import (
	"reflect"
	"testing"

	"github.com/failup/failup/internal/gojq"
)

// The function tables are built by the first Compile: a query using both
// kinds of function (defined in jq, and in Go) runs as upstream's does.
func TestFunctionTablesAreBuiltOnFirstCompile(t *testing.T) {
	q, err := gojq.Parse(`map(. * 2) | [add, length, (tostring | @base64)]`)
	if err != nil {
		t.Fatal(err)
	}
	var got []any
	iter := q.Run([]any{1, 2})
	for {
		v, ok := iter.Next()
		if !ok {
			break
		}
		if err, isErr := v.(error); isErr {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	want := []any{[]any{6, 2, "WzIsNF0="}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
