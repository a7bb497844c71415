// Property tests draw collections up to the maxLength they state. fast-check 4 otherwise sizes them "small"
// (at most 10 elements) whenever a maximum is given, so a test asking for 40-unit texts never saw one.
import fc from 'fast-check';

fc.configureGlobal({ defaultSizeToMaxWhenMaxSpecified: true });
