#include "cli/run.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <thread>
#include <tuple>

#include "cli/build_leaflet.hpp"
#include "cli/data_folder.hpp"
#include "cli/folder_watcher.hpp"
#include "cli/json_schema.hpp"
#include "cli/leaflet_folders.hpp"
#include "cli/memory.hpp"
#include "cli/new_leaflet.hpp"
#include "cli/options.hpp"
#include "cli/preview.hpp"
#include "cli/report.hpp"
#include "cli/strings_command.hpp"
#include "cli/toolbox.hpp"
#include "core/atomic_file.hpp"
#include "core/cache_folder.hpp"
#include "core/cache_pruning.hpp"
#include "core/invariant.hpp"
#include "core/printable.hpp"
#include "core/thread_apart.hpp"
#include "document/text_uses.hpp"
#include "leafpress_commit.hpp"
#include "load/load_leaflet.hpp"

namespace leafpress::cli {
namespace fs = std::filesystem;
namespace {

// Thumbnails wide enough to read a heading, small enough to scan a dozen pages at once.
constexpr int kPreviewWidth = 400;

/// A leaflet as loaded, with the problems found on the way and the languages to build.
struct LoadedLeaflet {
  std::string folder;
  core::Diagnostics diags;
  std::optional<document::Document> doc;
  std::vector<std::string> languages;
  std::vector<const document::VariantRow*> rows;  // {nullptr} without a variants file
};

/// One document to build: a leaflet in one language and variant, with what building it gave.
struct Job {
  const LoadedLeaflet* leaflet = nullptr;
  std::string language;
  Variant variant;
  core::Diagnostics diags;
  std::string dump;
  BuiltDocument built;
  bool output_failed = false;  // a file could not be written (core::OutputError)
  const document::VariantRow* row = nullptr;  // of the leaflet's variants file, if it has one
  press::PressPictures* pictures = nullptr;    // the leaflet's, for its press files
  bool localized_again = false;                // another job is the same leaflet, language and row in another format
};

/// The most threads the run may use: --jobs, else one per core.
unsigned run_threads(const Options& options) {
  return options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

LoadedLeaflet load(const std::string& folder, const Options& options) {
  LoadedLeaflet leaflet{folder, core::Diagnostics(options.strict), std::nullopt, {}, {}};
  try {
    // Its strings files are read on as many threads as its documents may be built on.
    leaflet.doc = load::load_leaflet(folder, leaflet.diags, options.limits, options.languages, run_threads(options));
  } catch (const core::InternalError&) {
    throw;
  } catch (const std::logic_error& e) {
    // std::out_of_range from .at(), std::invalid_argument, ...: a broken invariant of ours.
    throw core::InternalError(e.what());
  } catch (const std::exception& e) {
    leaflet.diags.error({folder, 0, 0}, e.what());
  }
  if (leaflet.doc) {
    leaflet.languages = wanted_languages(*leaflet.doc, options, leaflet.diags);
    leaflet.rows = wanted_rows(*leaflet.doc, options, leaflet.diags);
  }
  return leaflet;
}

void run_job(Job& job, const Options& options, Toolbox& tools, LocalizedDocuments& localized,
             const std::optional<PreviewRenderer>& renderer, fs::file_time_type started) {
  try {
    job.built = build_document(*job.leaflet->doc, job.language, job.variant, options, tools, started, job.diags,
                               job.dump, *job.pictures, job.row, localized, job.localized_again);
    if (renderer && !job.built.file.empty()) {
      const PreviewResult previews = render_previews(*renderer, job.built.file, job.built.pages, kPreviewWidth);
      job.built.previews = previews.files.size();
      if (!previews.error.empty()) job.diags.warning({job.built.file, 0, 0}, "no preview: " + previews.error);
    }
  } catch (const core::InternalError&) {
    throw;
  } catch (const std::logic_error& e) {
    throw core::InternalError(e.what());
  } catch (const core::OutputError& e) {
    job.output_failed = true;
    job.diags.error({job.leaflet->folder, 0, 0}, e.what());
  } catch (const std::exception& e) {
    job.diags.error({job.leaflet->folder, 0, 0}, e.what());
  }
}

/// The bytes of text the documents of `leaflet` in `language` set: each string the leaflet
/// uses, in that language or else the default one it falls back to (a document with more
/// text, or text in a script taking more bytes a letter, takes longer to set).
std::size_t text_bytes(const document::Document& leaflet, const std::string& language) {
  const auto own = leaflet.catalogs.find(language);
  const auto fallback = leaflet.catalogs.find(leaflet.default_language);
  std::size_t bytes = 0;
  for (const document::TextUse& use : document::text_uses(leaflet)) {
    for (const auto catalog : {own, fallback}) {
      if (catalog == leaflet.catalogs.end()) continue;
      const auto entry = catalog->second.strings.find(use.ref->key);
      if (entry == catalog->second.strings.end()) continue;
      bytes += entry->second.text.size();
      break;
    }
  }
  return bytes;
}

/// Where a document comes among its language's when several workers share a batch: the
/// longest to set first, so that the batch ends on short ones. A booklet sets more, smaller
/// pages and is imposed; a trifold's six panels hold less than a brochure's pages
/// (callgrind, the immunotherapy leaflet built one document at a time: in each of its four
/// languages the booklet costs 1.0-1.2 times the brochure's instructions, the trifold
/// 0.7-0.9 times). Posters and flyers, one or two pages, come with trifolds.
int setting_rank(const Variant& variant) {
  switch (variant.format) {
    case document::Format::booklet:
      return 0;
    case document::Format::brochure:
      return 1;
    case document::Format::trifold:
    case document::Format::poster:
    case document::Format::flyer:
      return 2;
  }
  return 2;
}

/// Hands out a batch's jobs to its workers: to a worker, the next job in the language of its
/// last one when there is one (its caches hold that language's shaped words, hyphenation
/// patterns and break iterators; each worker has its own), else the first job of a language
/// no worker has started, else the next job. For several workers, languages are handed out
/// longest text first, and a language's documents variants row by row, longest first within
/// a row (setting_rank), so that the last jobs, which one worker may finish alone while the
/// others wait, are short ones; one worker takes them in the order they were made. Which
/// worker sets which document changes no output.
class JobQueue {
 public:
  JobQueue(const std::vector<Job>& jobs, unsigned workers)
      : jobs_(jobs), order_(jobs.size()), taken_(jobs.size(), false) {
    for (std::size_t i = 0; i < jobs.size(); ++i) order_[i] = i;
    if (workers < 2) return;
    std::map<std::pair<const LoadedLeaflet*, std::string>, std::size_t> bytes;
    for (const Job& job : jobs) {
      if (!bytes.count(key(job))) bytes[key(job)] = text_bytes(*job.leaflet->doc, job.language);
    }
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      const std::size_t bytes_a = bytes[key(jobs[a])];
      const std::size_t bytes_b = bytes[key(jobs[b])];
      if (bytes_a != bytes_b) return bytes_a > bytes_b;
      if (jobs[a].language != jobs[b].language) return jobs[a].language < jobs[b].language;
      // A row's formats one after another: its localized document is kept only until its last.
      if (jobs[a].row != jobs[b].row) return std::less<>()(jobs[a].row, jobs[b].row);
      return setting_rank(jobs[a].variant) < setting_rank(jobs[b].variant);
    });
  }

  /// The index of the job for a worker whose last job was `last` (jobs.size(): none yet), or
  /// jobs.size() when none is left.
  std::size_t take(std::size_t last) {
    const std::lock_guard lock(mutex_);
    if (stopped_) return jobs_.size();
    std::size_t chosen = jobs_.size();
    if (last < jobs_.size()) chosen = first_open([&](const Job& job) { return same_language(job, jobs_[last]); });
    if (chosen == jobs_.size()) chosen = first_open([&](const Job& job) { return !started_.count(key(job)); });
    if (chosen == jobs_.size()) chosen = first_open([](const Job&) { return true; });
    if (chosen == jobs_.size()) return chosen;
    taken_[chosen] = true;
    started_.insert(key(jobs_[chosen]));
    return chosen;
  }

  /// No job is handed out any more.
  void stop() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
  }

 private:
  static bool same_language(const Job& a, const Job& b) { return a.leaflet == b.leaflet && a.language == b.language; }
  static std::pair<const LoadedLeaflet*, std::string> key(const Job& job) { return {job.leaflet, job.language}; }

  /// The index of the first job not taken yet, in the order jobs are handed out, for which
  /// `wanted` holds; jobs.size() when there is none.
  template <typename Wanted>
  std::size_t first_open(Wanted wanted) const {
    for (const std::size_t i : order_) {
      if (!taken_[i] && wanted(jobs_[i])) return i;
    }
    return jobs_.size();
  }

  const std::vector<Job>& jobs_;
  std::vector<std::size_t> order_;  // job indices in the order they are handed out
  std::vector<bool> taken_;
  std::set<std::pair<const LoadedLeaflet*, std::string>> started_;  // languages handed out
  bool stopped_ = false;
  std::mutex mutex_;
};

/// Ends `tools` when the process exits right after: what it keeps across runs written, its
/// memory left to the kernel, which takes the address space back whole at exit, instead of
/// freed map by map and page by page (0.24-0.35 ms of a one-document build; in a -j 2 batch
/// 0.5-0.7 ms a worker, twice on the critical path when the second worker finishes last).
/// Builds with AddressSanitizer free it, so that the leak check still sees every allocation.
void leave_to_exit(std::unique_ptr<Toolbox> tools) {
  tools->write_remembered();
#ifndef __SANITIZE_ADDRESS__
  static_cast<void>(tools.release());
#endif
}

/// Sets each job's localized_again: whether another job localizes the same leaflet, language
/// and row (the same document in another format).
void mark_localized_again(std::vector<Job>& jobs) {
  using Key = std::tuple<const LoadedLeaflet*, std::string, const document::VariantRow*>;
  std::map<Key, std::size_t> count;
  for (const Job& job : jobs) ++count[Key{job.leaflet, job.language, job.row}];
  for (Job& job : jobs) job.localized_again = count[Key{job.leaflet, job.language, job.row}] > 1;
}

/// Runs the jobs on `workers` threads, each with its own toolbox (the first reuses
/// `first_tools`), all with the batch's localized documents; `done` is told of each finished
/// job. An internal error in any job is rethrown once all threads have stopped. With
/// `last_batch` (the process exits after it), the other workers' toolboxes are left to the exit.
void run_jobs(std::vector<Job>& jobs, unsigned workers, const Options& options, const FontFolders& font_folders,
              Toolbox& first_tools, const std::optional<PreviewRenderer>& renderer, fs::file_time_type started,
              bool last_batch, const std::function<void(const Job&)>& done) {
  mark_localized_again(jobs);
  LocalizedDocuments localized;  // the batch's, shared by its workers: its documents outlive it
  for (const Job& job : jobs) localized.expect(*job.leaflet->doc, job.language, job.row);
  JobQueue queue(jobs, workers);
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&](Toolbox& tools) {
    for (std::size_t i = queue.take(jobs.size()); i < jobs.size(); i = queue.take(i)) {
      try {
        run_job(jobs[i], options, tools, localized, renderer, started);
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        queue.stop();
      }
      done(jobs[i]);
    }
  };
  {
    std::vector<std::jthread> threads;
    for (unsigned w = 1; w < workers; ++w) {
      threads.push_back(core::start_apart([&] {
        core::Diagnostics reported_by_first_worker;
        auto tools = std::make_unique<Toolbox>(font_folders, options.limits, reported_by_first_worker);
        work(*tools);
        if (last_batch) leave_to_exit(std::move(tools));
      }));
    }
    work(first_tools);
  }
  if (failure) std::rethrow_exception(failure);
}

/// A progress line on a terminal: "[3/8] immunotherapy ar trifold", rewritten in place.
class Progress {
 public:
  Progress(bool enabled, std::size_t total, std::ostream& err) : enabled_(enabled), total_(total), err_(err) {}
  void done(const Job& job) {
    if (!enabled_) return;
    const std::lock_guard lock(mutex_);
    ++finished_;
    err_ << "\r\033[K[" << finished_ << '/' << total_ << "] " << job.leaflet->doc->name
         << (job.row ? "." + job.row->name : std::string()) << ' ' << job.language
         << ' ' << job.variant.name() << std::flush;
  }
  void clear() {
    if (enabled_ && finished_ > 0) err_ << "\r\033[K" << std::flush;
  }

 private:
  bool enabled_;
  std::size_t total_;
  std::size_t finished_ = 0;
  std::ostream& err_;
  std::mutex mutex_;
};

void append(std::vector<core::Diagnostic>& into, const core::Diagnostics& diags) {
  const auto ordered = core::in_reading_order(diags);
  into.insert(into.end(), ordered.begin(), ordered.end());
}

int build_all(const Options& options, std::ostream& out, std::ostream& err) {
  const fs::file_time_type started = fs::file_time_type::clock::now();
  std::vector<std::string> folders = options.leaflets.empty() ? default_leaflets() : options.leaflets;
  if (folders.empty()) {
    err << "leafpress: no leaflets found under leaflets/\n";
    return kInputErrors;
  }
  if (options.command == Command::build) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
      err << "leafpress: cannot create output folder '" << core::printable(options.out_dir) << "': " << ec.message()
          << '\n';
      return kOutputError;
    }
  }
  const FontFolders font_folders = font_folders_for(options.fonts_dir, folders.front());
  core::Diagnostics setup_diags(options.strict);
  // With a second thread, the fonts are set up while the first leaflet loads: each reads its
  // own files, and takes about as long as the other (for the shipped leaflet, 1.2 and 1.4 ms
  // of CPU time on a busy 2-core host, mostly the kernel's mapping and reading files).
  const bool load_while_setting_up = run_threads(options) > 1;
  std::packaged_task<std::unique_ptr<Toolbox>()> set_up(
      [&] { return std::make_unique<Toolbox>(font_folders, options.limits, setup_diags); });
  std::future<std::unique_ptr<Toolbox>> setting_up = set_up.get_future();
  std::optional<LoadedLeaflet> first_leaflet;
  if (load_while_setting_up) {
    const std::jthread setter = core::start_apart([&] { set_up(); });
    first_leaflet.emplace(load(folders.front(), options));
  } else {
    set_up();
  }
  std::unique_ptr<Toolbox> first_tools = setting_up.get();
  // A broken font set-up would give every leaflet fonts other than the project's: build none.
  if (setup_diags.has_errors()) {
    RunReport report;
    append(report.diagnostics, setup_diags);
    print_report(std::move(report), options, Command::check, out, err);
    return kInputErrors;
  }

  std::optional<PreviewRenderer> renderer;
  if (options.preview && options.command == Command::build) {
    renderer = find_preview_renderer();
    if (!renderer) {
      setup_diags.warning({"leafpress", 0, 0}, "--preview: no PNG previews are made",
                          "install poppler-utils (pdftoppm) or mupdf-tools (mutool)");
    }
  }
  RunReport report;
  append(report.diagnostics, setup_diags);
  bool output_failed = false;
  std::size_t document_number = 0;  // every document of the run in order, for --shard
  // One leaflet at a time: its pictures are decoded once, shared by its documents, and
  // released before the next leaflet is read, so that --max-decoded-pixels bounds the run.
  for (const std::string& folder : folders) {
    const LoadedLeaflet leaflet = first_leaflet ? std::move(*first_leaflet) : load(folder, options);
    first_leaflet.reset();
    append(report.diagnostics, leaflet.diags);
    // Its press files' CMYK pictures, converted once for all its documents.
    press::PressPictures pictures;
    std::vector<Job> jobs;
    for (const document::VariantRow* row : leaflet.rows) {
      for (const std::string& language : leaflet.languages) {
        for (const Variant& variant : wanted_variants(*leaflet.doc, options)) {
          // --shard K/N deals the documents out in turn: shards differ by at most one document.
          if (document_number++ % options.shard_count != options.shard - 1) continue;
          jobs.push_back({&leaflet, language, variant, core::Diagnostics(options.strict), {}, {}, false, row, &pictures});
        }
      }
    }
    if (jobs.empty()) continue;
    const unsigned workers = options.jobs ? std::min<unsigned>(options.jobs, static_cast<unsigned>(jobs.size()))
                                          : default_workers(jobs.size(), picture_bytes(*leaflet.doc));
    Progress progress(options.progress && options.report == ReportFormat::text, jobs.size(), err);
    const bool last_batch = !options.watch && &folder == &folders.back();
    run_jobs(jobs, workers, options, font_folders, *first_tools, renderer, started, last_batch,
             [&](const Job& job) { progress.done(job); });
    progress.clear();
    // A problem found in several documents (a picture's resolution in every language, a
    // missing translation in every format of its language) is reported once, saying where.
    std::vector<core::Diagnostic> found_building;
    for (const Job& job : jobs) {
      output_failed = output_failed || job.output_failed;
      for (core::Diagnostic d : core::in_reading_order(job.diags)) {
        d.languages = {job.language};
        d.formats = {job.row ? job.row->name + "." + job.variant.name() : job.variant.name()};
        found_building.push_back(std::move(d));
      }
      out << job.dump;
      const std::string name = job.row ? leaflet.doc->name + "." + job.row->name : leaflet.doc->name;
      report.documents.push_back({name, job.language, job.variant.name(), job.built});
    }
    const auto merged = core::merge_documents(found_building);
    report.diagnostics.insert(report.diagnostics.end(), merged.begin(), merged.end());
  }
  if (renderer) report.previews_by = renderer->name;
  const bool errors = count(report, core::Severity::error) > 0;
  print_report(std::move(report), options, options.command, out, err);
  if (!options.watch) leave_to_exit(std::move(first_tools));
  if (output_failed) return kOutputError;
  return errors ? kInputErrors : kOk;
}

/// What a batch of changed files asks to rebuild: per leaflet folder, the languages (empty:
/// all of them); `everything` when fonts changed.
struct Rebuild {
  bool everything = false;
  std::map<std::string, std::set<std::string>> languages_of;
};

/// A leaflet's default language, whose strings every other language falls back to.
std::string default_language_of(const std::string& folder) {
  core::Diagnostics ignored;
  const auto doc = load::load_leaflet(folder, ignored);
  return doc ? doc->default_language : std::string();
}

/// Whether `name` is one leafpress writes: a PDF, or a preview "<leaflet>.<lang>-<page>.png".
bool is_own_output(const std::string& name) {
  if (name.ends_with(".pdf")) return true;
  if (!name.ends_with(".png")) return false;
  const std::string stem = name.substr(0, name.size() - 4);
  const auto dash = stem.rfind('-');
  return dash != std::string::npos && dash + 1 < stem.size() &&
         std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(dash) + 1, stem.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// Whether `file` is in `folder` or below it, however either is written.
bool is_inside(const fs::path& file, const fs::path& folder) {
  std::error_code ec;
  const fs::path inside = fs::weakly_canonical(file, ec).lexically_relative(fs::weakly_canonical(folder, ec));
  return !ec && !inside.empty() && *inside.begin() != "..";
}

Rebuild what_to_rebuild(const std::set<fs::path>& changed, const std::vector<std::string>& folders,
                        const fs::path& font_folder, const fs::path& out_dir) {
  Rebuild rebuild;
  for (const fs::path& file : changed) {
    const std::string name = file.filename().string();
    const std::string extension = file.extension().string();
    // Editors and tools save through temporary files (".en.yaml.swp", "sedX1b2c3", "en.yaml~").
    if (name.empty() || name[0] == '.') continue;
    // Our own PDFs and previews, when --out is inside a watched folder, change nothing.
    if (is_own_output(name) && is_inside(file, out_dir)) continue;
    if (file.parent_path() == font_folder || file.parent_path() == font_folder / "hyphenation") {
      static const std::set<std::string> kFontFiles = {".ttf", ".otf", ".ttc", ".yaml", ".dic"};
      rebuild.everything = rebuild.everything || kFontFiles.count(extension) > 0;
      continue;
    }
    // A variants file may be CSV; a YAML file not named after a language (a variants or theme
    // file beside leaflet.yaml) rebuilds every language, as leaflet.yaml does.
    static const std::set<std::string> kLeafletFiles = {".yaml", ".png", ".jpg", ".jpeg", ".csv"};
    if (!kLeafletFiles.count(extension)) continue;
    for (const std::string& folder : folders) {
      // Pictures may be in a subfolder (images/); strings and structure are beside leaflet.yaml.
      const fs::path inside = file.lexically_normal().lexically_relative(fs::path(folder).lexically_normal());
      const bool below = !inside.empty() && *inside.begin() != ".." && extension != ".yaml";
      if (file.parent_path() != fs::path(folder) && !below) continue;
      auto& languages = rebuild.languages_of[folder];
      const bool strings = file.extension() == ".yaml" && load::is_language_tag(file.stem().string());
      const std::string language = file.stem().string();
      if (strings && language != default_language_of(folder)) {
        if (!languages.count("")) languages.insert(language);
      } else {
        languages.clear();
        languages.insert("");  // marks "all languages"
      }
    }
  }
  return rebuild;
}

/// Builds once, then rebuilds what each batch of changes affects: a translation rebuilds
/// its language; leaflet.yaml, the default language's strings or a picture (in the leaflet's
/// folder or a folder in it) rebuild all its languages; a font change rebuilds everything.
int watch_and_build(const Options& options, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> folders = options.leaflets.empty() ? default_leaflets() : options.leaflets;
  int status = build_all(options, out, err);
  if (folders.empty()) return status;
  const fs::path font_folder = font_folders_for(options.fonts_dir, folders.front()).fonts;
  std::vector<fs::path> watched(folders.begin(), folders.end());
  for (const std::string& folder : folders) {
    // The folders holding a leaflet's pictures, such as images/ (those there when it starts).
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.is_directory(ec) && entry.path().filename().string().front() != '.') watched.push_back(entry.path());
    }
  }
  watched.push_back(font_folder);
  if (fs::is_directory(font_folder / "hyphenation")) watched.push_back(font_folder / "hyphenation");
  FolderWatcher watcher(watched);
  if (!watcher.ok()) {
    err << "leafpress: --watch: cannot watch for changes (inotify is not available)\n";
    return kInputErrors;
  }
  err << "watching " << watched.size() << " folders for changes; stop with Ctrl-C\n" << std::flush;
  for (;;) {
    const Rebuild rebuild = what_to_rebuild(watcher.wait_for_changes(std::chrono::milliseconds(80)), folders,
                                            font_folder, options.out_dir);
    if (rebuild.everything) {
      status = build_all(options, out, err);
      continue;
    }
    for (const auto& [folder, languages] : rebuild.languages_of) {
      // A folder being deleted (or recreated) is built once it is back.
      if (std::error_code ec; !fs::exists(fs::path(folder) / "leaflet.yaml", ec)) continue;
      Options selection = options;
      selection.leaflets = {folder};
      if (!languages.count("")) {
        // The changed languages, among those --lang asked for (all when it asked for none).
        selection.languages.clear();
        for (const std::string& language : languages) {
          if (options.languages.empty() || std::find(options.languages.begin(), options.languages.end(), language) !=
                                               options.languages.end()) {
            selection.languages.push_back(language);
          }
        }
        if (selection.languages.empty()) continue;
      }
      out << "changed: " << folder << (selection.languages.empty() ? "" : " (" + selection.languages.front() + ")")
          << '\n';
      status = build_all(selection, out, err);
    }
    out << std::flush;
  }
  return status;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool terminal) {
  std::string error;
  auto options = parse_options(args, error);
  if (!options) {
    err << "leafpress: " << error << "\n" << usage_text();
    return kUsageError;
  }
  switch (options->command) {
    case Command::help:
      out << usage_text();
      return kOk;
    case Command::version:
      out << "leafpress " LEAFPRESS_VERSION " (commit " LEAFPRESS_COMMIT ")\n";
      return kOk;
    case Command::strings:
      try {
        return run_strings_command(*options, out, err);
      } catch (const std::exception& e) {
        err << "leafpress: internal error: " << e.what() << '\n';
        return kInternalError;
      }
    case Command::schema:
      out << (options->leaflets.empty() || options->leaflets.front() == "leaflet" ? leaflet_json_schema()
                                                                                  : strings_json_schema());
      return kOk;
    case Command::new_leaflet:
      try {
        return new_leaflet(*options, out, err);
      } catch (const core::OutputError& e) {
        err << "leafpress: new: " << e.what() << '\n';
        return kOutputError;
      }
    case Command::build:
    case Command::check:
    case Command::dump:
      break;
  }
  try {
    options->progress = terminal;
    const int status = options->watch ? watch_and_build(*options, out, err) : build_all(*options, out, err);
    if (const auto cache = core::cache_folder()) core::prune_cache_folder(*cache);
    return status;
  } catch (const std::exception& e) {
    err << "leafpress: internal error: " << e.what() << '\n';
    return kInternalError;
  }
}

}  // namespace leafpress::cli
