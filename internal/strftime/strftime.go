// Package strftime reads the date formats C's strftime writes, as jrnl's
// timeformat and failup's date_format are given, into Go time layouts.
package strftime

import (
	"fmt"
	"strings"
	"sync"
)

var directives = sync.OnceValue(func() map[byte]string {
	return map[byte]string{
		'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'e': "_2", 'H': "15", 'I': "03", 'M': "04", 'S': "05",
		'p': "PM", 'b': "Jan", 'h': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'z': "-0700", 'Z': "MST",
		'F': "2006-01-02", 'T': "15:04:05", 'R': "15:04", 'r': "03:04:05 PM", 'D': "01/02/06", 'j': "002", '%': "%",
	}
})

// Layout turns a strftime format ("%Y-%m-%d %H:%M") into a Go time layout
// ("2006-01-02 15:04"), or says which directive it cannot.
func Layout(format string) (string, error) {
	b := make([]byte, 0, len(format)+8)
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			// Go layouts cannot escape text, so text that a layout would
			// read as a date is refused rather than written wrongly.
			if '0' <= format[i] && format[i] <= '9' || layoutWord(format[i:]) {
				return "", fmt.Errorf("%q has text that failup would take as part of a date (%q); use only %%-directives, spaces and punctuation", format, format[i:])
			}
			b = append(b, format[i])
			continue
		}
		if i+1 == len(format) {
			return "", fmt.Errorf("%q ends with a lone %%", format)
		}
		i++
		layout, ok := directives()[format[i]]
		if !ok {
			return "", fmt.Errorf("%q uses %%%c, which failup cannot read", format, format[i])
		}
		b = append(b, layout...)
	}
	return string(b), nil
}

func layoutWord(s string) bool {
	for _, w := range []string{"Jan", "Mon", "MST", "PM", "pm", "Z07"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// MonthFirst says whether format writes the month before the day, the year
// not first: "%m/%d/%Y" and "%b %d, %Y" do; "%d/%m/%Y" and "%Y-%m-%d" do not.
func MonthFirst(format string) bool {
	for i := 0; i+1 < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		switch format[i] {
		case 'm', 'b', 'h', 'B', 'D':
			return true
		case 'd', 'e', 'Y', 'y', 'F', 'j':
			return false
		}
	}
	return false
}
