@echo off
rem demo.bat - chạy mẫu: sổ của xã Tân Hòa Lâm (người trong mẫu là người giả định)
rem qua mọi bước hiệp thương, kiểm tra theo luật và in mọi biểu mẫu vào thư mục
rem ketqua\bieu-mau\xa.  Chạy lại bao nhiêu lần cũng được: ketqua\ được làm mới.
chcp 65001 >nul
setlocal
cd /d "%~dp0"
set HT=%~dp0hiepthuong.exe
set S=%~dp0samples\commune
set DB=ketqua\xa.db
set HIEPTHUONG_TODAY=2026-02-25
if exist ketqua rmdir /s /q ketqua
mkdir ketqua
echo ==== Xã Tân Hòa Lâm (mẫu)
"%HT%" init --config "%S%\config.yaml" --db %DB%
if errorlevel 1 goto :loi
echo == Hiệp thương lần thứ nhất; đơn vị, phân bổ, người được giới thiệu và tự ứng cử
"%HT%" conference add --db %DB% --kind ht1 --body hdnd-xa --date 05/12/2025 --start 08:00 --end 11:30 --place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 33 --minutes "%S%\minutes\ht1.txt"
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2025-12-10
"%HT%" unit import "%S%\units.csv" --db %DB%
if errorlevel 1 goto :loi
"%HT%" alloc import "%S%\allocations.csv" --db %DB%
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-01-05
"%HT%" candidate import "%S%\candidates.csv" --db %DB%
if errorlevel 1 goto :loi
echo == Hội nghị cử tri giới thiệu người ứng cử
set HIEPTHUONG_TODAY=2026-01-10
"%HT%" voters import "%S%\stages\nomination.csv" --db %DB%
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-01-12
"%HT%" conference add --db %DB% --kind expanded_leadership --unit HTX --body hdnd-xa --date 12/01/2026 --start 14:00 --end 16:00 --place "Hội trường Hợp tác xã" --chair "Phan Văn Khải" --chair-position "Giám đốc Hợp tác xã" --secretary "Lý Thị Ngân" --invited 9 --present 9 --method ballot --teller "Đỗ Văn Phú, Kế toán" --teller "Mai Thị Hồng" --teller "Tô Văn Lực"
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-25
echo == Hiệp thương lần thứ hai: danh sách sơ bộ
"%HT%" conference add --db %DB% --kind ht2 --body hdnd-xa --date 02/02/2026 --start 08:00 --end 11:00 --place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 34 --minutes "%S%\minutes\ht2.txt"
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-02
"%HT%" decide import "%S%\stages\round2.csv" --db %DB%
if errorlevel 1 goto :loi
echo == Hội nghị cử tri nơi cư trú
set HIEPTHUONG_TODAY=2026-02-07
"%HT%" voters import "%S%\stages\voters.csv" --db %DB%
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-25
echo == Hiệp thương lần thứ ba: danh sách những người đủ tiêu chuẩn
"%HT%" conference add --db %DB% --kind ht3 --body hdnd-xa --date 12/02/2026 --start 08:00 --end 11:30 --place "Hội trường Ủy ban Mặt trận Tổ quốc Việt Nam" --invited 35 --present 35 --minutes "%S%\minutes\ht3.txt"
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-12
"%HT%" decide import "%S%\stages\round3.csv" --db %DB%
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-25
"%HT%" milestone set --db %DB% --body hdnd-xa --event round3_sent --date 14/02/2026 --note "Gửi Hội đồng bầu cử quốc gia, Ủy ban bầu cử"
if errorlevel 1 goto :loi
echo == Danh sách chính thức theo đơn vị bầu cử
set HIEPTHUONG_TODAY=2026-02-24
"%HT%" decide import "%S%\stages\official.csv" --db %DB%
if errorlevel 1 goto :loi
set HIEPTHUONG_TODAY=2026-02-25
"%HT%" milestone set --db %DB% --body hdnd-xa --event official_list --date 24/02/2026
if errorlevel 1 goto :loi
"%HT%" status --db %DB%
"%HT%" stages --db %DB%
echo == Kiểm tra theo bộ quy tắc
"%HT%" validate --db %DB%
echo ==== Biểu mẫu: vào ketqua\bieu-mau\xa
mkdir ketqua\bieu-mau
"%HT%" export all --db %DB% -o ketqua\bieu-mau\xa
if errorlevel 1 goto :loi
echo Xong. Mở thư mục ketqua\bieu-mau\xa để xem và in các biểu mẫu.
goto :eof
:loi
echo Lỗi: bước trên không thành công (xem thông báo ở trên).
exit /b 1
