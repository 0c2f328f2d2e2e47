#include "pdf/content_operations.hpp"

#include <cctype>

namespace leafpress::testing {

std::vector<ContentOperation> content_operations(const std::string& content) {
  std::vector<ContentOperation> out;
  std::vector<std::string> operands;
  for (std::size_t i = 0; i < content.size();) {
    const char c = content[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '%') {
      i = content.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '(') {
      int depth = 0;
      const std::size_t start = i;
      for (; i < content.size(); ++i) {
        if (content[i] == '\\') {
          ++i;
        } else if (content[i] == '(') {
          ++depth;
        } else if (content[i] == ')' && --depth == 0) {
          ++i;
          break;
        }
      }
      operands.push_back(content.substr(start, i - start));
    } else if (c == '<' && i + 1 < content.size() && content[i + 1] == '<') {
      int depth = 0;
      const std::size_t start = i;
      for (; i + 1 < content.size(); ++i) {
        if (content[i] == '<' && content[i + 1] == '<') {
          ++depth;
          ++i;
        } else if (content[i] == '>' && content[i + 1] == '>') {
          ++i;
          if (--depth == 0) {
            ++i;
            break;
          }
        }
      }
      operands.push_back(content.substr(start, i - start));
    } else if (c == '<') {
      const std::size_t end = content.find('>', i);
      operands.push_back(content.substr(i, end + 1 - i));
      i = end == std::string::npos ? content.size() : end + 1;
    } else if (c == '[' || c == ']') {
      operands.push_back(std::string(1, c));
      ++i;
    } else {
      const std::size_t start = i;
      ++i;
      while (i < content.size() && !std::isspace(static_cast<unsigned char>(content[i])) &&
             std::string("()<>[]/%").find(content[i]) == std::string::npos) {
        ++i;
      }
      const std::string token = content.substr(start, i - start);
      const unsigned char first = static_cast<unsigned char>(token[0]);
      if (std::isalpha(first) || token == "'" || token == "\"") {
        out.push_back({std::move(operands), token});
        operands.clear();
      } else {
        operands.push_back(token);
      }
    }
  }
  return out;
}

}  // namespace leafpress::testing
